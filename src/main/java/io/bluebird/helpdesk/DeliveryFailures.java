package io.bluebird.helpdesk;

import io.bluebird.broker.BatchTransactions;
import io.bluebird.http.RetryAfterDelay;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * What the delivery routes do each time a delivery fails, before it is tried again in place
 * (routes/delivery-errors.yaml, {@code onExceptionOccurredRef}): the events of its batch delivered before it are
 * committed as delivered, so the wait holds none of their rows, and the wait is what the helpdesk asked for
 * (Retry-After) when it said.
 */
@Component("deliveryFailures")
public class DeliveryFailures implements Processor {

    private final BatchTransactions batches;
    private final RetryAfterDelay retryAfter;

    public DeliveryFailures(BatchTransactions batches, RetryAfterDelay retryAfter) {
        this.batches = batches;
        this.retryAfter = retryAfter;
    }

    @Override
    public void process(Exchange exchange) {
        batches.commitSoFar();
        retryAfter.process(exchange);
    }
}
