package io.bluebird.helpdesk;

import java.time.Duration;
import java.util.Map;

/**
 * One helpdesk under {@code bluebird.helpdesks.<name>}. Which keys matter depends on {@code type}: zendesk uses
 * base-url, client-id and client-secret (or, until Zendesk switches API tokens off on 2027-04-30, email and
 * api-token); freshdesk base-url, api-key and source; rt base-url, queue and token (or username and password);
 * webhook base-url and secret; jms queue. {@code conversation-field} is the custom field that holds the conversation
 * id (Freshdesk: {@code cf_…}; RT: its name), which RT looks tickets up by; {@code custom-fields} maps facts of
 * {@link TicketFacts} to the helpdesk's own fields. {@code survey-field} is the custom field that gets survey scores (Zendesk: its id);
 * {@code webhook-secret} the signing secret of the Zendesk webhook that tells the hub about agents' replies;
 * {@code requests-per-minute} the calls the helpdesk takes (zendesk, freshdesk: 200 until its answers say; 0: none);
 * {@code updates-per-minute} those of them that update a ticket (zendesk: 100, its Update Ticket endpoint's limit;
 * freshdesk: 80, Growth's Ticket Update), {@code creates-per-minute} those that create one (freshdesk: 80, Growth's
 * Ticket Create).
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
        String webhookSecret,
        String apiKey,
        Integer source,
        String token,
        String username,
        String password,
        String secret,
        String conversationField,
        Map<String, String> customFields,
        Integer requestsPerMinute,
        Integer updatesPerMinute,
        Integer createsPerMinute) {

    public HelpdeskSettings {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        // the vendors' smallest plans (Zendesk Team, Freshdesk Growth); the answers' headers then give the account's
        requestsPerMinute = requestsPerMinute != null ? requestsPerMinute
                : "zendesk".equals(type) || "freshdesk".equals(type) ? 200 : 0;
        // Zendesk's Update Ticket endpoint: 100 a minute per account, whatever the plan; Freshdesk's endpoints by plan,
        // Growth's figures (Pro 160, Enterprise 280), which its answers do not say
        updatesPerMinute = updatesPerMinute != null ? updatesPerMinute
                : "zendesk".equals(type) ? 100 : "freshdesk".equals(type) ? 80 : 0;
        createsPerMinute = createsPerMinute != null ? createsPerMinute : "freshdesk".equals(type) ? 80 : 0;
    }
}
