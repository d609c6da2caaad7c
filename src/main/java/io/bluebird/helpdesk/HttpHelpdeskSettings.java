package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;
import java.util.Optional;

/** The settings of a helpdesk the hub calls over HTTP: where, how long a call may take, and with what credentials. */
public interface HttpHelpdeskSettings extends HelpdeskSettings {

    String baseUrl();

    /** How long one call may take before it counts as failed and is retried. */
    Duration timeout();

    /** What its credentials lack, as one line naming the keys; empty when they are complete. */
    Optional<String> missingCredentials(String key);

    @Override
    default Optional<String> missing(String key) {
        return hasText(baseUrl()) ? missingCredentials(key) : Optional.of(key + "base-url is empty");
    }
}
