package io.bluebird.helpdesk;

import io.bluebird.http.RetryAfterDelay;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a failed helpdesk or channel call is tried again while its message stays on its queue, from
 * {@link DeliverySettings}: the redelivery policies that routes/delivery-errors.yaml and routes/outbound-errors.yaml
 * name ({@code redeliveryPolicyRef}), so that the delays are durations with units and the rules are written once.
 */
@Configuration
public class DeliveryRetries {

    /** Up to max-redeliveries tries, the wait doubling from redelivery-delay to max-redelivery-delay. */
    @Bean
    RedeliveryPolicy retriesWithBackoff(DeliverySettings delivery) {
        return backoff(delivery).maximumRedeliveries(delivery.maxRedeliveries());
    }

    /** The same waits without a count: whether to go on is the delivery's to say ({@link DeliveryAttempts}). */
    @Bean
    RedeliveryPolicy retriesWhileDown(DeliverySettings delivery) {
        return backoff(delivery).maximumRedeliveries(-1);
    }

    /** Every redelivery-delay for as long as the helpdesk's circuit breaker is open; each try spends no call. */
    @Bean
    RedeliveryPolicy retriesWhileBreakerOpen(DeliverySettings delivery) {
        return new RedeliveryPolicy().maximumRedeliveries(-1)
                .redeliveryDelay(delivery.redeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.INFO)
                .logStackTrace(false);
    }

    /** The wait a helpdesk's or channel's Retry-After (or rate-limit reset) asks for, up to max-retry-after. */
    @Bean("retryAfterDelay")
    RetryAfterDelay retryAfterDelay(DeliverySettings delivery) {
        return new RetryAfterDelay(delivery.maxRetryAfter());
    }

    private static RedeliveryPolicy backoff(DeliverySettings delivery) {
        return new RedeliveryPolicy()
                .redeliveryDelay(delivery.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(delivery.maxRedeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logStackTrace(false);
    }
}
