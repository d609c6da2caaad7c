package io.bluebird.breaker;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A circuit breaker's thresholds, the same keys for the CRM ({@code bluebird.crm.circuit-breaker}) and the
 * helpdesks ({@code bluebird.delivery.circuit-breaker}): when failure-rate-threshold percent of the last
 * sliding-window-size calls failed (once at least minimum-number-of-calls were made), no call is made for
 * wait-in-open-state.
 *
 * @param failureRateThreshold Percent of failed calls that opens the breaker (default 50).
 * @param slidingWindowSize The last calls it judges by (default 10).
 * @param minimumNumberOfCalls Calls made before it judges (default 5).
 * @param waitInOpenState How long an open breaker lets no call through (default 30s).
 */
public record BreakerSettings(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
                              Duration waitInOpenState) {

    public BreakerSettings {
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 5 : minimumNumberOfCalls;
        waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
    }

    /** The defaults. */
    public static BreakerSettings defaults() {
        return new BreakerSettings(null, null, null, null);
    }

    /** A breaker configuration with these thresholds, to add to. */
    public CircuitBreakerConfig.Builder config() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .waitDurationInOpenState(waitInOpenState);
    }
}
