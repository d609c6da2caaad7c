package io.bluebird.helpdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.delivery}: how ticket events leave for their helpdesks (the keys Camel's error handler reads,
 * {@code max-redeliveries} and the delays, are described in additional-spring-configuration-metadata.json).
 *
 * @param joinLimit The most messages of one conversation that one create or update of a Zendesk, Freshdesk or RT
 *     ticket carries: what waits behind a message (for the rate limit, for its ticket to be made, for a helpdesk that
 *     was down) leaves with it, in one comment in order (default 20; 1 sends each message alone).
 */
@ConfigurationProperties("bluebird.delivery")
public record DeliverySettings(@DefaultValue("20") int joinLimit) {

    public DeliverySettings {
        if (joinLimit < 1) {
            throw new IllegalArgumentException("bluebird.delivery.join-limit must be at least 1, not " + joinLimit);
        }
    }
}
