package io.bluebird.http;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Makes Camel's next redelivery wait as long as the remote side asked (capped at {@code max}), instead of the
 * exponential backoff: called by the error handlers ({@code onExceptionOccurredRef}) each time a delivery or a send
 * fails.
 */
public class RetryAfterDelay implements Processor {

    private final Duration max;

    public RetryAfterDelay(Duration max) {
        this.max = max;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (cause != null && !(cause instanceof RetryLater)) {
            cause = cause.getCause();
        }
        Duration wait = cause == null ? null : ((RetryLater) cause).getRetryAfter();
        if (wait == null) {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        } else {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), max.toMillis()));
        }
    }
}
