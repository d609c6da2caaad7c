package io.bluebird.helpdesk;

import java.time.Duration;

/**
 * One helpdesk under {@code bluebird.helpdesks.<name>}. Which keys matter depends on {@code type}: zendesk uses
 * base-url, client-id and client-secret (or, until Zendesk switches API tokens off on 2027-04-30, email and
 * api-token); jms uses queue. {@code survey-field} is the custom field that gets survey scores (Zendesk: its id);
 * {@code webhook-secret} the signing secret of the Zendesk webhook that tells the hub about agents' replies.
 */
public record HelpdeskSettings(
        String type,
        String baseUrl,
        String queue,
        String clientId,
        String clientSecret,
        String email,
        String apiToken,
        Duration timeout,
        String surveyField,
        String webhookSecret) {

    public HelpdeskSettings {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
