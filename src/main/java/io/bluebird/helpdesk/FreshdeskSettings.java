package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Freshdesk account ({@code type: freshdesk}).
 *
 * @param baseUrl The account's API, e.g. https://brand.freshdesk.com.
 * @param apiKey The agent's API key (Profile settings).
 * @param source The ticket source the hub's tickets get (Freshdesk's numbers); default its own for social channels.
 * @param timeout How long one call may take before it counts as failed and is retried.
 * @param conversationField The custom field (cf_…) that holds the conversation id.
 * @param surveyField The custom field (cf_…) that gets the survey score; empty: none.
 * @param customFields Facts of the conversation (TicketFacts) mapped to custom fields (cf_…).
 * @param requestsPerMinute Calls a minute until Freshdesk's X-RateLimit headers give the account's own.
 * @param updatesPerMinute Of those, Ticket Update calls, by plan: Growth 80, Pro 160, Enterprise 280.
 * @param createsPerMinute Of those, Ticket Create calls, by plan: Growth 80, Pro 160, Enterprise 280.
 * @param consumers Conversations delivered at once.
 */
public record FreshdeskSettings(
        String baseUrl,
        String apiKey,
        Integer source,
        @DefaultValue("10s") Duration timeout,
        String conversationField,
        String surveyField,
        Map<String, String> customFields,
        @DefaultValue("200") int requestsPerMinute,
        @DefaultValue("80") int updatesPerMinute,
        @DefaultValue("80") int createsPerMinute,
        @DefaultValue("4") int consumers) implements HttpHelpdeskSettings {

    public static final String TYPE = "freshdesk";

    public FreshdeskSettings {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> missingCredentials(String key) {
        return hasText(apiKey) ? Optional.empty() : Optional.of(key + "api-key is empty");
    }
}
