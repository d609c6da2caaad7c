package io.bluebird.helpdesk;

import java.time.Duration;

import io.bluebird.breaker.BreakerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.delivery}: how ticket events leave for their helpdesks, and messages for their channels.
 *
 * @param joinLimit The most messages of one conversation that one create or update of a Zendesk, Freshdesk or RT
 *     ticket carries: what waits behind a message (for the rate limit, for its ticket to be made, for a helpdesk that
 *     was down) leaves with it, in one comment in order (default 20; 1 sends each message alone).
 * @param maxRedeliveries How often a helpdesk or channel call that failed with 5xx, 429 or a timeout is tried again
 *     before its event goes to bluebird.dead-letters with the reason; while a helpdesk's circuit breaker is open its
 *     events wait however long (default 8).
 * @param redeliveryDelay The wait before the first new try, twice as long before each next one (default 1s; a bare
 *     number is milliseconds).
 * @param maxRedeliveryDelay The longest wait between two tries (default 60s; a bare number is milliseconds).
 * @param maxRetryAfter The longest Retry-After (or rate-limit reset) of a helpdesk or channel the hub waits for
 *     before the next try (default 15m).
 * @param circuitBreaker Per helpdesk, when no call is made for a while after most calls failed (5xx, 429, timeouts;
 *     a 4xx is the helpdesk working): its events wait on their queue meanwhile, however long the outage.
 */
@ConfigurationProperties("bluebird.delivery")
public record DeliverySettings(
        @DefaultValue("20") int joinLimit,
        @DefaultValue("8") int maxRedeliveries,
        @DefaultValue("1s") Duration redeliveryDelay,
        @DefaultValue("60s") Duration maxRedeliveryDelay,
        @DefaultValue("15m") Duration maxRetryAfter,
        @DefaultValue @NestedConfigurationProperty BreakerSettings circuitBreaker) {

    public DeliverySettings {
        if (joinLimit < 1) {
            throw new IllegalArgumentException("bluebird.delivery.join-limit must be at least 1, not " + joinLimit);
        }
        if (maxRedeliveries < 0) {
            throw new IllegalArgumentException(
                    "bluebird.delivery.max-redeliveries must be 0 or more, not " + maxRedeliveries);
        }
        if (redeliveryDelay.isNegative() || maxRedeliveryDelay.compareTo(redeliveryDelay) < 0) {
            throw new IllegalArgumentException("bluebird.delivery.max-redelivery-delay (" + maxRedeliveryDelay
                    + ") must be at least bluebird.delivery.redelivery-delay (" + redeliveryDelay + ")");
        }
    }
}
