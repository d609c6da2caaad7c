package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Zendesk Support account ({@code type: zendesk}).
 *
 * @param baseUrl The account's API, e.g. https://brand.zendesk.com.
 * @param clientId The OAuth client of Admin Center (Apps and integrations, OAuth clients), for client credentials.
 * @param clientSecret That client's secret.
 * @param email Only with an API token, which Zendesk switches off on 2027-04-30: the agent's email.
 * @param apiToken That agent's API token.
 * @param timeout How long one call may take before it counts as failed and is retried.
 * @param surveyField The id of a numeric custom ticket field that gets the survey score; empty: none.
 * @param webhookSecret The signing secret of the Zendesk webhook that posts agents' replies and solved tickets.
 * @param customFields Facts of the conversation (TicketFacts) mapped to custom ticket field ids.
 * @param requestsPerMinute Calls a minute (the Team plan's 200) until Zendesk's X-Rate-Limit headers give the
 *     account's own.
 * @param updatesPerMinute Of those, the calls that update a ticket: the Update Ticket endpoint's 100 per account.
 * @param consumers Conversations delivered at once.
 */
public record ZendeskSettings(
        String baseUrl,
        String clientId,
        String clientSecret,
        String email,
        String apiToken,
        @DefaultValue("10s") Duration timeout,
        String surveyField,
        String webhookSecret,
        Map<String, String> customFields,
        @DefaultValue("200") int requestsPerMinute,
        @DefaultValue("100") int updatesPerMinute,
        @DefaultValue("4") int consumers) implements HttpHelpdeskSettings {

    public static final String TYPE = "zendesk";

    public ZendeskSettings {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether it signs in with an OAuth client (otherwise with an agent's API token). */
    public boolean hasOAuthClient() {
        return hasText(clientId) && hasText(clientSecret);
    }

    public boolean hasApiToken() {
        return hasText(email) && hasText(apiToken);
    }

    @Override
    public Optional<String> missingCredentials(String key) {
        return hasOAuthClient() || hasApiToken() ? Optional.empty()
                : Optional.of(key + "client-id and " + key + "client-secret are empty (an OAuth client of Admin"
                + " Center; or, until API tokens end on 2027-04-30, email and api-token)");
    }
}
