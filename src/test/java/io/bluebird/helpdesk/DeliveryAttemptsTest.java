package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

class DeliveryAttemptsTest {

    @Test
    void failedCallsBeyondTheRedeliveriesAreTriedAgainOnlyWhileTheHelpdeskIsDownForEveryone() {
        assertThat(DeliveryAttempts.another(8, 8, CircuitBreaker.State.CLOSED)).isTrue();
        assertThat(DeliveryAttempts.another(9, 8, CircuitBreaker.State.CLOSED)).as("others get through").isFalse();
        assertThat(DeliveryAttempts.another(30, 8, CircuitBreaker.State.OPEN)).isTrue();
        assertThat(DeliveryAttempts.another(30, 8, CircuitBreaker.State.HALF_OPEN)).isTrue();
    }
}
