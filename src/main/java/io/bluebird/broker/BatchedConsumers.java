package io.bluebird.broker;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.listener.AbstractMessageListenerContainer;

/**
 * Queue consumers that take up to a batch size of waiting messages in one transaction
 * ({@link BatchingListenerContainer}), for a route's {@code consumerType: Custom}: the process stage's on
 * bluebird.inbound (routes/process.yaml) and the deliveries' on bluebird.tickets.&lt;helpdesk&gt;
 * (routes/deliver-ticket.yaml, deliver-webhook.yaml, deliver-jms.yaml).
 */
@Configuration(proxyBeanMethods = false)
public class BatchedConsumers {

    private final ConsumerSettings.Process process;

    public BatchedConsumers(ConsumerSettings.Process process) {
        this.process = process;
    }

    /** The process stage's consumers ({@code bluebird.process.consumers}), which its route reads. */
    public int processConsumers() {
        return process.consumers();
    }

    @Bean
    MessageListenerContainerFactory processBatches(BatchTransactions transactions, MeterRegistry meters) {
        return factory(transactions, meters, "process", "Messages the process stage took in one transaction",
                process.batchSize());
    }

    @Bean
    MessageListenerContainerFactory deliveryBatches(BatchTransactions transactions, MeterRegistry meters,
                                                    ConsumerSettings.Delivery delivery) {
        return factory(transactions, meters, "delivery", "Ticket events a delivery consumer took in one transaction",
                delivery.batchSize());
    }

    /** One ticket event per transaction, for a helpdesk that cannot tell an update it already has. */
    @Bean
    MessageListenerContainerFactory singleDeliveries(BatchTransactions transactions, MeterRegistry meters) {
        return factory(transactions, meters, "delivery", "Ticket events a delivery consumer took in one transaction",
                1);
    }

    /** {@code stage}: its word in the metric bluebird.&lt;stage&gt;.batch. */
    private static MessageListenerContainerFactory factory(BatchTransactions transactions, MeterRegistry meters,
                                                           String stage, String description, int batchSize) {
        DistributionSummary batches = DistributionSummary.builder("bluebird." + stage + ".batch")
                .description(description).baseUnit("messages").register(meters);
        return (JmsEndpoint endpoint) -> (AbstractMessageListenerContainer)
                new BatchingListenerContainer(endpoint, transactions, batchSize, batches);
    }
}
