package io.bluebird.helpdesk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.beans.factory.annotation.Value;
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

    public HelpdeskCircuits(
            @Value("${bluebird.delivery.circuit-breaker.failure-rate-threshold:50}") float failureRate,
            @Value("${bluebird.delivery.circuit-breaker.sliding-window-size:10}") int window,
            @Value("${bluebird.delivery.circuit-breaker.minimum-number-of-calls:5}") int minimumCalls,
            @Value("${bluebird.delivery.circuit-breaker.wait-in-open-state:30s}") Duration openFor) {
        this.config = CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
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
