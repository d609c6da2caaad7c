package io.bluebird.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bluebird.http}: what the hub's endpoints take ({@code retry-after}, the seconds a 503 asks a caller to wait,
 * is read by routes/http-errors.yaml and described in additional-spring-configuration-metadata.json).
 *
 * @param maxBodySize Larger bodies on /api/*, /webhooks/* and /schemas/* are refused with 413 (default 256KB).
 */
@ConfigurationProperties("bluebird.http")
public record HttpSettings(@DefaultValue("256KB") DataSize maxBodySize) {

    public HttpSettings {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("bluebird.http.max-body-size must be more than 0, not " + maxBodySize);
        }
    }
}
