package io.bluebird.broker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bluebird.broker}: the embedded broker's rules for the hub's queues, and how the hub reaches an external one.
 *
 * @param maxDeliveryAttempts How often the broker hands a message back after the hub failed to process it, before it
 *     parks it on bluebird.dead-letters (default 10).
 * @param memory What the embedded broker keeps of queued messages in memory; a longer backlog waits on disk, in its
 *     journal directory (default 32MB).
 * @param listen Where the embedded broker also listens for JMS clients (a JMS helpdesk, the artemis CLI); empty:
 *     inside the hub only. Loopback by default: open it wider only behind a firewall, with spring.artemis.user and
 *     password set (default tcp://127.0.0.1:61616).
 * @param clientParameters Native mode: Artemis client parameters added to spring.artemis.broker-url where it does not
 *     set them, so that while the broker is away a send fails at once and the webhook gets its 503 (default
 *     retryInterval=10&amp;callTimeout=5000&amp;connectTimeoutMillis=2000). Artemis waits retryInterval (2 s by
 *     default) between a failed server and the next of its topology, holding the connection factory's lock, so every
 *     send queued behind the listeners' reconnect attempts for 5-24 s; callTimeout bounds the wait for a broker that
 *     is connected but silent (30 s by default), connectTimeoutMillis for a host that does not answer (10 s).
 *     reconnectAttempts stays 0: a broken connection is dropped (the pool opens a new one on the next send) rather
 *     than reconnected underneath sends that would wait for it.
 * @param healthTimeout How long the jms health component waits for the broker before it says DOWN (default 500ms).
 */
@ConfigurationProperties("bluebird.broker")
public record BrokerSettings(
        @DefaultValue("10") int maxDeliveryAttempts,
        @DefaultValue("32MB") DataSize memory,
        @DefaultValue("tcp://127.0.0.1:61616") String listen,
        @DefaultValue("retryInterval=10&callTimeout=5000&connectTimeoutMillis=2000") String clientParameters,
        @DefaultValue("500ms") Duration healthTimeout) {

    public BrokerSettings {
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException(
                    "bluebird.broker.max-delivery-attempts must be at least 1, not " + maxDeliveryAttempts);
        }
        listen = listen.strip();
    }
}
