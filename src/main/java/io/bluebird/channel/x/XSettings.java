package io.bluebird.channel.x;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.x.*}: the X app (consumer secret for webhook signatures, app-only bearer token for reads) and the
 * brand account ({@code account-id}; OAuth 2.0 client and refresh token for DMs and replies).
 */
@ConfigurationProperties("bluebird.x")
public record XSettings(
        String apiBaseUrl,
        String consumerSecret,
        String bearerToken,
        String accountId,
        String clientId,
        String clientSecret,
        String refreshToken,
        String webhookUrl,
        Duration timeout) {

    public XSettings {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.x.com"
                : apiBaseUrl.strip().replaceFirst("/$", "");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
