package io.bluebird.helpdesk.rt;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskRejected;
import io.bluebird.helpdesk.RtSettings;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.Requesters;
import io.bluebird.helpdesk.TicketApi;
import io.bluebird.helpdesk.TicketFacts;
import io.bluebird.helpdesk.TicketText;
import io.bluebird.helpdesk.TicketUpdate;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Request Tracker 5's ticket calls, through REST2: the first event of a conversation creates the ticket
 * in the configured queue ({@code POST /REST/2.0/ticket}), the customer's later words are correspondence
 * ({@code /correspond}), the brand's words, notes and survey results comments ({@code /comment}). RT has no
 * idempotency key: the conversation id goes into a custom field ({@code conversation-field}), and a create is
 * preceded by a TicketSQL search on it, so a hub that crashed after RT's 201 finds that ticket again.
 */
@Component("rtTickets")
public class RtTickets implements TicketApi {

    private static final Logger log = LoggerFactory.getLogger(RtTickets.class);

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;

    public RtTickets(HelpdeskConfig config, HttpHelpdeskClient http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String type() {
        return "rt";
    }

    /** RT's correspondence carries no marker the hub could look for. */
    @Override
    public boolean findsRepeatedUpdates() {
        return false;
    }

    /** The ticket whose conversation-field holds the conversation id (TicketSQL): RT has no idempotency key. */
    @Override
    public String existingTicket(String helpdesk, TicketEvent event) {
        RtSettings settings = settings(helpdesk);
        if (settings.conversationField() == null || settings.conversationField().isBlank()) {
            return null;
        }
        String query = "CF.{" + settings.conversationField() + "} = '" + event.conversationId().replace("'", "") + "'";
        JsonNode items = call(helpdesk, "GET", "/REST/2.0/tickets?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), null).path("items");
        String found = items.isArray() && !items.isEmpty() ? items.get(0).path("id").asText(null) : null;
        if (found != null) {
            log.info("{}: conversation {} already has RT ticket {} (found by {}): not creating another", helpdesk,
                    event.conversationId(), found, settings.conversationField());
        }
        return found;
    }

    @Override
    public String create(String helpdesk, TicketEvent event, List<SocialMessage> joined) {
        String ticketId = call(helpdesk, "POST", "/REST/2.0/ticket", newTicket(event, joined,
                settings(helpdesk)))
                .path("id").asText(null);
        if (ticketId == null) {
            throw new HelpdeskRejected(helpdesk + ": RT created no ticket id");
        }
        log.info("{}: conversation {} is RT ticket {}", helpdesk, event.conversationId(), ticketId);
        return ticketId;
    }

    /**
     * The customer's words as correspondence, the brand's as a comment (the update's messages in one); then reopen,
     * priority.
     */
    @Override
    public void update(String helpdesk, String ticketId, TicketUpdate update) {
        String base = "/REST/2.0/ticket/" + ticketId;
        if (!update.messages().isEmpty()) {
            boolean fromCustomer = update.event().message().direction() == Direction.IN;
            call(helpdesk, "POST", base + (fromCustomer ? "/correspond" : "/comment"),
                    text(TicketText.comment(update.messages())));
        }
        Map<String, Object> changes = changes(update);
        if (!changes.isEmpty()) {
            call(helpdesk, "PUT", base, changes);
        }
    }

    @Override
    public void addSurveyResult(String helpdesk, String ticketId, TicketEvent event) {
        String base = "/REST/2.0/ticket/" + ticketId;
        call(helpdesk, "POST", base + "/comment", text(TicketText.of(event.survey())));
        String surveyField = settings(helpdesk).surveyField();
        if (surveyField != null && !surveyField.isBlank()) {
            call(helpdesk, "PUT", base, Map.of("CustomFields",
                    Map.of(surveyField, String.valueOf(event.survey().score()))));
        }
    }

    /** RT tickets have no tags: what the hub knows goes into custom fields ({@code custom-fields}). */
    @Override
    public void addTags(String helpdesk, String ticketId, List<String> tags) {
    }

    static Map<String, Object> newTicket(TicketEvent event, List<SocialMessage> joined, RtSettings settings) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("Queue", settings.queue());
        ticket.put("Subject", event.subject());
        ticket.put("Requestor", Requesters.of(event.customer()).email());
        ticket.put("Content", TicketText.newTicket(event, joined));
        ticket.put("ContentType", "text/plain");
        ticket.put("Priority", priority(event.priority()));
        Map<String, String> fields = new LinkedHashMap<>();
        TicketFacts.fields(event, settings.customFields(), settings.conversationField())
                .forEach((field, value) -> fields.put(field, String.valueOf(value)));
        if (!fields.isEmpty()) {
            ticket.put("CustomFields", fields);
        }
        return ticket;
    }

    static Map<String, Object> changes(TicketUpdate update) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (update.reopen()) {
            changes.put("Status", "open");
        }
        if (update.raisedTo() != null) {
            changes.put("Priority", priority(update.raisedTo()));
        }
        return changes;
    }

    /** RT priorities are numbers (0 lowest): 10, 50, 70, 90 for low, normal, high, urgent. */
    static int priority(Priority priority) {
        return switch (priority) {
            case LOW -> 10;
            case NORMAL -> 50;
            case HIGH -> 70;
            case URGENT -> 90;
        };
    }

    private static Map<String, String> text(String content) {
        return Map.of("Content", content, "ContentType", "text/plain");
    }

    private JsonNode call(String helpdesk, String method, String path, Object body) {
        RtSettings settings = settings(helpdesk);
        return http.exchange(helpdesk, method, URI.create(settings.baseUrl() + path), authorization(settings), body,
                settings.timeout());
    }

    /** An RT auth token ({@code Authorization: token …}) or, without one, basic auth with user name and password. */
    private static String authorization(RtSettings settings) {
        if (settings.token() != null && !settings.token().isBlank()) {
            return "token " + settings.token();
        }
        return "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private RtSettings settings(String helpdesk) {
        return config.helpdesk(helpdesk, RtSettings.class);
    }
}
