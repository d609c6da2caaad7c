package io.bluebird.helpdesk;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Whether a delivery whose helpdesk call failed (5xx, 429, timeout, refused) is tried again: always within
 * {@code bluebird.delivery.max-redeliveries} failed calls; beyond them only while the helpdesk's circuit breaker is
 * not closed. An open or half-open breaker means the helpdesk is down for every event, so the event waits the outage
 * out instead of ending as a dead letter after a few calls in the breaker's half-open windows; a closed one means
 * other events get through, and this one is dead-lettered. The waits while the breaker is open spend no call.
 */
@Component("deliveryAttempts")
public class DeliveryAttempts {

    static final String FAILED_CALLS = "bluebirdFailedCalls";

    private final HelpdeskCircuits circuits;
    private final int maxRedeliveries;

    public DeliveryAttempts(HelpdeskCircuits circuits, DeliverySettings delivery) {
        this.circuits = circuits;
        this.maxRedeliveries = delivery.maxRedeliveries();
    }

    /** Counts the failed call on the exchange, whose route is its helpdesk's delivery route. */
    public boolean another(Exchange exchange) {
        int failedCalls = exchange.getProperty(FAILED_CALLS, 0, Integer.class) + 1;
        exchange.setProperty(FAILED_CALLS, failedCalls);
        return another(failedCalls, maxRedeliveries,
                circuits.of(DeliveryRoutes.helpdeskOf(exchange.getFromRouteId())).getState());
    }

    static boolean another(int failedCalls, int maxRedeliveries, CircuitBreaker.State breaker) {
        return failedCalls <= maxRedeliveries || breaker != CircuitBreaker.State.CLOSED;
    }
}
