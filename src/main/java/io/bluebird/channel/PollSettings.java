package io.bluebird.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.poll}: the polling channels' shared rules.
 *
 * @param lease Of several hubs sharing the database, one polls each channel; if it stops, another takes over after
 *     this long (default 2m).
 */
@ConfigurationProperties("bluebird.poll")
public record PollSettings(@DefaultValue("2m") Duration lease) {

    public PollSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("bluebird.poll.lease must be longer than 0, not " + lease);
        }
    }
}
