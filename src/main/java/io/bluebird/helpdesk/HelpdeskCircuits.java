package io.bluebird.helpdesk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.bluebird.breaker.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per helpdesk: when most recent calls to a helpdesk failed (5xx, 429, timeouts), the hub stops
 * calling it for a while and its events wait on their queue, instead of hammering a helpdesk that is down. 4xx
 * answers are the helpdesk working, and do not count.
 */
@Component
public class HelpdeskCircuits {

    private final CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    @Autowired
    public HelpdeskCircuits(DeliverySettings delivery) {
        this(delivery.circuitBreaker());
    }

    public HelpdeskCircuits(BreakerSettings breaker) {
        this.config = breaker.config()
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    public CircuitBreaker of(String helpdesk) {
        return breakers.computeIfAbsent(helpdesk, name -> CircuitBreaker.of("helpdesk-" + name, config));
    }

    /** Throws {@link HelpdeskCircuitOpen} while the helpdesk's breaker lets no call through. */
    void refuseWhileOpen(String helpdesk) {
        if (of(helpdesk).getState() == CircuitBreaker.State.OPEN) {
            throw open(helpdesk);
        }
    }

    /** The failure of a call the helpdesk's open breaker refused: to be tried again after the breaker's wait. */
    HelpdeskCircuitOpen open(String helpdesk) {
        return new HelpdeskCircuitOpen(helpdesk + ": circuit breaker open after repeated failures; waiting",
                Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1)), null);
    }
}
