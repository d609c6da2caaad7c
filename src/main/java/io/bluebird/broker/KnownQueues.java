package io.bluebird.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;
import org.springframework.stereotype.Component;

/**
 * The hub's queues by name, each looked up on the broker once. Resolved afresh, an Artemis queue costs two blocking
 * round trips to the broker before every send (a queue query when it is named, an address query before it is
 * written to), as many as the send itself. The names are the hub's own few queues; Artemis creates a queue that
 * went away again when a message is sent to it.
 */
@Component("knownQueues")
public class KnownQueues implements DestinationResolver {

    private final DestinationResolver broker = new DynamicDestinationResolver();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain)
            throws JMSException {
        if (pubSubDomain) {
            return broker.resolveDestinationName(session, name, true);
        }
        Destination known = queues.get(name);
        if (known == null) {
            known = broker.resolveDestinationName(session, name, false);
            queues.putIfAbsent(name, known);
        }
        return known;
    }
}
