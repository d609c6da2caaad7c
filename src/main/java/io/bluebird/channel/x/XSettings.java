package io.bluebird.channel.x;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.x.*}: the X app (consumer secret for webhook signatures, app-only bearer token for reads) and the
 * brand account ({@code account-id}; OAuth 2.0 client and refresh token for DMs and replies). Of {@code poll.*}, the
 * routes read {@code enabled} and {@code interval}; {@code direct-messages} (default true) turns the DM poller off
 * where the webhook brings the DMs and only mentions are polled.
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
        Poll poll,
        Duration timeout) {

    public XSettings {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.x.com"
                : apiBaseUrl.strip().replaceFirst("/$", "");
        poll = poll == null ? new Poll(null) : poll;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public record Poll(Boolean directMessages) {
        public Poll {
            directMessages = directMessages == null || directMessages;
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
