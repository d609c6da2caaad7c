package io.bluebird.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.database}.
 *
 * @param retryDelay The wait between two tries of a message while the database is away (stopped, restarting,
 *     unreachable); the message waits on its queue however long the outage, and is never dead-lettered for it
 *     (default 5s; a bare number is milliseconds).
 */
@ConfigurationProperties("bluebird.database")
public record DatabaseSettings(@DefaultValue("5s") Duration retryDelay) {

    public DatabaseSettings {
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("bluebird.database.retry-delay must be longer than 0, not " + retryDelay);
        }
    }
}
