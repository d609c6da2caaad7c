package io.bluebird.http;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * {@code bluebird.http}: what the hub's endpoints take, and how they answer when they cannot.
 *
 * @param maxBodySize Larger bodies on /api/*, /webhooks/* and /schemas/* are refused with 413 (default 256KB).
 * @param retryAfter The Retry-After of a 503, when the hub could not keep the request (the broker away, say): a bare
 *     number is seconds (default 5s).
 */
@ConfigurationProperties("bluebird.http")
public record HttpSettings(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5s") @DurationUnit(ChronoUnit.SECONDS) Duration retryAfter) {

    public HttpSettings {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("bluebird.http.max-body-size must be more than 0, not " + maxBodySize);
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("bluebird.http.retry-after must not be negative, not " + retryAfter);
        }
    }
}
