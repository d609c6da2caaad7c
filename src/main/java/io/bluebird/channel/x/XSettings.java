package io.bluebird.channel.x;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.x.*}: the X app (consumer secret for webhook signatures, app-only bearer token for reads) and the
 * brand account ({@code account-id}; OAuth 2.0 client and refresh token for DMs and replies).
 *
 * @param apiBaseUrl Where the X API is (default https://api.x.com).
 * @param consumerSecret The app's consumer secret (API Key Secret): signs the webhook deliveries and the CRC answer. A
 *     secret.
 * @param bearerToken The app-only bearer token: polling mentions, registering the webhook. A secret.
 * @param accountId The brand account's numeric user id: only deliveries for it are taken.
 * @param clientId The OAuth 2.0 client id of the app, for DMs and replies as the brand account.
 * @param clientSecret The OAuth 2.0 client secret of the app. A secret.
 * @param refreshToken The brand account's refresh token from its consent; X rotates it on every use, the hub keeps the
 *     newest in its database and this one only seeds it. A secret.
 * @param webhookUrl The public URL of POST /webhooks/x, registered by POST /api/admin/x/webhook.
 * @param poll Polling instead of (or besides) the webhook.
 * @param timeout How long one call to X may take (default 10s).
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
        poll = poll == null ? new Poll(null, null, null) : poll;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (poll.enabled()) {
            // polling with what it cannot do would fail every minute, quietly, in the log
            requireForPolling("account-id", accountId, "the brand account's messages are polled");
            requireForPolling("bearer-token", bearerToken, "mentions are read with the app's bearer token");
            if (poll.directMessages()) {
                requireForPolling("client-id", clientId, "DMs are read as the brand account (OAuth 2.0), or set"
                        + " bluebird.x.poll.direct-messages: false");
            }
        }
    }

    private static void requireForPolling(String key, String value, String why) {
        if (!isSet(value)) {
            throw new IllegalStateException("bluebird.x.poll.enabled is true but bluebird.x." + key + " is empty: "
                    + why);
        }
    }

    /**
     * Polling mentions and DMs, instead of or besides the webhook.
     *
     * @param enabled Poll mentions (app token) and DMs (user context): for brands without a webhook (default false).
     * @param directMessages false where the webhook brings the DMs: then only mentions are polled (default true).
     * @param interval How often mentions and DMs are each polled (default 60s).
     */
    public record Poll(Boolean enabled, Boolean directMessages, Duration interval) {
        public Poll {
            enabled = enabled != null && enabled;
            directMessages = directMessages == null || directMessages;
            interval = interval == null ? Duration.ofSeconds(60) : interval;
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bluebird.x.poll.interval must be longer than 0, not " + interval);
            }
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
