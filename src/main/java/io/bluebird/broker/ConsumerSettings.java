package io.bluebird.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub's stages take messages off their queues: {@code bluebird.process} for the process stage on
 * bluebird.inbound, {@code bluebird.delivery.batch-size} for the deliveries on bluebird.tickets.&lt;helpdesk&gt;.
 */
public final class ConsumerSettings {

    private ConsumerSettings() {
    }

    /**
     * {@code bluebird.process}.
     *
     * @param consumers Messages processed in parallel; one customer's are always processed in order, one at a time
     *     (default 2; raise it with the cores).
     * @param batchSize Waiting messages one process consumer takes in one broker and one database transaction; 1
     *     processes each alone; a batch that fails is retried message by message (default 32).
     */
    @ConfigurationProperties("bluebird.process")
    public record Process(@DefaultValue("2") int consumers, @DefaultValue("32") int batchSize) {

        public Process {
            atLeastOne("bluebird.process.consumers", consumers);
            atLeastOne("bluebird.process.batch-size", batchSize);
        }
    }

    /**
     * {@code bluebird.delivery}, the part about taking events off their queues (the rest is the helpdesks' delivery
     * settings).
     *
     * @param batchSize Waiting ticket events one zendesk, webhook or jms delivery consumer takes in one broker and one
     *     database transaction, each still one call to its helpdesk; 1 delivers each alone (default 32).
     */
    @ConfigurationProperties("bluebird.delivery")
    public record Delivery(@DefaultValue("32") int batchSize) {

        public Delivery {
            atLeastOne("bluebird.delivery.batch-size", batchSize);
        }
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be 1 or more, not " + value);
        }
    }
}
