package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Any HTTP endpoint that takes the ticket events as signed JSON ({@code type: webhook}).
 *
 * @param baseUrl Where each event is POSTed.
 * @param secret The key of the events' X-Bluebird-Signature (HMAC-SHA256), which receivers check.
 * @param timeout How long one call may take before it counts as failed and is retried.
 * @param requestsPerMinute Calls a minute, spent evenly; 0: no limit until its answers give one.
 * @param consumers Conversations delivered at once.
 */
public record WebhookSettings(
        String baseUrl,
        String secret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("0") int requestsPerMinute,
        @DefaultValue("4") int consumers) implements HttpHelpdeskSettings {

    public static final String TYPE = "webhook";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> missingCredentials(String key) {
        return hasText(secret) ? Optional.empty()
                : Optional.of(key + "secret is empty: receivers must be able to check what they get");
    }
}
