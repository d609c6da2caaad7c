package io.bluebird.helpdesk;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Labels a message on its way to the dead-letter queue with why it failed and where it came from, so it can be
 * understood and replayed.
 */
@Component("deadLetters")
public class DeadLetters implements Processor {

    private final Clock clock;
    private final HeldEvents held;

    public DeadLetters(Clock clock, HeldEvents held) {
        this.clock = clock;
        this.held = held;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getIn().setHeader("deadLetterReason", cause == null ? "unknown" : cause.getMessage());
        exchange.getIn().setHeader("deadLetterFrom", exchange.getFromEndpoint().getEndpointKey()
                .replaceFirst("^jms://queue:", "").replaceFirst("\\?.*$", ""));
        exchange.getIn().setHeader("deadLetterAt", clock.instant().toString());
        held.release();
    }
}
