package io.bluebird.broker;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Sends a ticket event that may be on its delivery queue already (its message was stored before, and another copy of
 * that message was processed) in a session of its own, outside the consumer's transaction. There the broker's
 * duplicate detection drops the second copy and the send succeeds; inside the transaction it would mark the whole
 * transaction rollback-only, and the message would be redelivered, spending its delivery attempts, until the first
 * copy was delivered or it ended as a false dead letter. The send is persistent and done before the consumer
 * commits, so an event that was not there yet is never lost.
 */
@Component("repeatedEvents")
public class RepeatedEvents {

    private final ConnectionFactory connectionFactory;

    public RepeatedEvents(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** The message as {@link QueueHeaders#ticketEvent} and the JSON marshal left it, onto {@code queue}. */
    public void send(Message message, String queue) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSProducer producer = jms.createProducer();
            for (String property : QueueHeaders.TICKET_EVENT_PROPERTIES) {
                producer.setProperty(property, message.getHeader(property, String.class));
            }
            producer.setPriority(message.getHeader("JMSPriority", QueueHeaders.DEFAULT_JMS_PRIORITY, Integer.class));
            producer.send(jms.createQueue(queue), message.getBody(String.class));
        }
    }
}
