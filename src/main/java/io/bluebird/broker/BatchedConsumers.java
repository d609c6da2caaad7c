package io.bluebird.broker;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process stage's consumers of bluebird.inbound (routes/process.yaml, {@code consumerType: Custom}): each takes
 * up to bluebird.process.batch-size waiting messages in one transaction ({@link BatchingListenerContainer}).
 */
@Component("batchedConsumers")
public class BatchedConsumers implements MessageListenerContainerFactory {

    private final TransactionTemplate database;
    private final int batchSize;
    private final DistributionSummary batches;

    public BatchedConsumers(TransactionTemplate database, @Value("${bluebird.process.batch-size:32}") int batchSize,
                            MeterRegistry meters) {
        if (batchSize < 1) {
            throw new IllegalStateException("bluebird.process.batch-size is " + batchSize + ": it must be 1 or more");
        }
        this.database = database;
        this.batchSize = batchSize;
        this.batches = DistributionSummary.builder("bluebird.process.batch")
                .description("Messages the process stage took in one transaction").baseUnit("messages")
                .register(meters);
    }

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new BatchingListenerContainer(endpoint, database, batchSize, batches);
    }
}
