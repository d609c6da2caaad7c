package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Request Tracker 5 instance, through its REST2 API ({@code type: rt}).
 *
 * @param baseUrl The instance, e.g. https://rt.brand.example.
 * @param queue The queue new tickets go to.
 * @param token An auth token (RT: Settings, Auth Tokens); or username and password.
 * @param username The RT user, without a token.
 * @param password That user's password.
 * @param timeout How long one call may take before it counts as failed and is retried.
 * @param conversationField The custom field that holds the conversation id, which tickets are looked up by.
 * @param surveyField The custom field that gets the survey score; empty: none.
 * @param customFields Facts of the conversation (TicketFacts) mapped to custom fields (their names).
 * @param requestsPerMinute Calls a minute, spent evenly; 0: no limit until its answers give one.
 * @param consumers Conversations delivered at once.
 */
public record RtSettings(
        String baseUrl,
        @DefaultValue("General") String queue,
        String token,
        String username,
        String password,
        @DefaultValue("10s") Duration timeout,
        String conversationField,
        String surveyField,
        Map<String, String> customFields,
        @DefaultValue("0") int requestsPerMinute,
        @DefaultValue("4") int consumers) implements HttpHelpdeskSettings {

    public static final String TYPE = "rt";

    public RtSettings {
        queue = hasText(queue) ? queue : "General";
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> missingCredentials(String key) {
        return hasText(token) || hasText(username) && hasText(password) ? Optional.empty()
                : Optional.of(key + "token is empty (or username and password)");
    }
}
