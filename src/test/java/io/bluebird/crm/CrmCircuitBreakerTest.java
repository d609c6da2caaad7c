package io.bluebird.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.bluebird.breaker.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

/** The CRM's breaker as bluebird.crm.circuit-breaker.* sets it, and as the hub had it before those keys. */
class CrmCircuitBreakerTest {

    @Test
    void theKeysSetTheBreaker() {
        CircuitBreakerConfig config = CrmCircuitBreaker.of(new BreakerSettings(25f, 4, 2,
                Duration.ofSeconds(3))).getCircuitBreakerConfig();

        assertThat(config.getFailureRateThreshold()).isEqualTo(25f);
        assertThat(config.getSlidingWindowSize()).isEqualTo(4);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(2);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(3_000L);
    }

    @Test
    void byDefaultHalfOfTheLastTenLookupsFailingOpenItForThirtySeconds() {
        CircuitBreaker breaker = CrmCircuitBreaker.of(new BreakerSettings(null, null, null, null));
        CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();

        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getSlidingWindowSize()).isEqualTo(10);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
        for (int call = 0; call < 5; call++) {
            breaker.onError(0, TimeUnit.MILLISECONDS, new CrmUnavailable("the CRM timed out", null));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
