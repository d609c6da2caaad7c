package io.bluebird.helpdesk.rt;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.conversation.Conversations;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskRejected;
import io.bluebird.helpdesk.HelpdeskSettings;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.Requesters;
import io.bluebird.helpdesk.TicketDeliveries;
import io.bluebird.helpdesk.TicketFacts;
import io.bluebird.helpdesk.TicketText;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.priority.Priorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers ticket events to Request Tracker 5 through REST2: the first event of a conversation creates the ticket
 * in the configured queue ({@code POST /REST/2.0/ticket}), the customer's later words are correspondence
 * ({@code /correspond}), the brand's words, notes and survey results comments ({@code /comment}). RT has no
 * idempotency key: the conversation id goes into a custom field ({@code conversation-field}), and a create is
 * preceded by a TicketSQL search on it, so a hub that crashed after RT's 201 finds that ticket again.
 */
@Component("rtTickets")
public class RtTickets {

    private static final Logger log = LoggerFactory.getLogger(RtTickets.class);

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;
    private final TicketDeliveries deliveries;

    public RtTickets(HelpdeskConfig config, HttpHelpdeskClient http, TicketDeliveries deliveries) {
        this.config = config;
        this.http = http;
        this.deliveries = deliveries;
    }

    public void deliver(TicketEvent event, String helpdesk) {
        HelpdeskSettings settings = config.helpdesk(helpdesk);
        String ticketId = deliveries.ticketIdOf(event.conversationId());
        if (ticketId == null && event.type() != TicketEventType.SURVEY_COMPLETED) {
            ticketId = existingTicket(helpdesk, settings, event.conversationId());
            if (ticketId == null) {
                ticketId = call(helpdesk, settings, "POST", "/REST/2.0/ticket", newTicket(event, settings))
                        .path("id").asText(null);
                if (ticketId == null) {
                    throw new HelpdeskRejected(helpdesk + ": RT created no ticket id");
                }
                log.info("{}: conversation {} is RT ticket {}", helpdesk, event.conversationId(), ticketId);
            } else {
                log.info("{}: conversation {} already has RT ticket {} (found by {}): not creating another", helpdesk,
                        event.conversationId(), ticketId, settings.conversationField());
            }
            deliveries.delivered(event, helpdesk, ticketId);
            return;
        }
        if (ticketId == null) {
            throw new HelpdeskRejected(helpdesk + ": survey result for conversation " + event.conversationId()
                    + ", which has no RT ticket");
        }
        String base = "/REST/2.0/ticket/" + ticketId;
        if (event.type() == TicketEventType.SURVEY_COMPLETED) {
            call(helpdesk, settings, "POST", base + "/comment", text(TicketText.of(event.survey())));
            if (settings.surveyField() != null && !settings.surveyField().isBlank()) {
                call(helpdesk, settings, "PUT", base, Map.of("CustomFields",
                        Map.of(settings.surveyField(), String.valueOf(event.survey().score()))));
            }
        } else {
            boolean fromCustomer = event.message().direction() == Direction.IN;
            call(helpdesk, settings, "POST", base + (fromCustomer ? "/correspond" : "/comment"),
                    text(TicketText.of(event.message())));
            Map<String, Object> changes = changes(event);
            if (!changes.isEmpty()) {
                call(helpdesk, settings, "PUT", base, changes);
            }
        }
        deliveries.delivered(event, helpdesk, null);
    }

    static Map<String, Object> newTicket(TicketEvent event, HelpdeskSettings settings) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("Queue", settings.queue() == null || settings.queue().isBlank() ? "General" : settings.queue());
        ticket.put("Subject", event.subject());
        ticket.put("Requestor", Requesters.of(event.customer()).email());
        ticket.put("Content", TicketText.newTicket(event));
        ticket.put("ContentType", "text/plain");
        ticket.put("Priority", priority(event.priority()));
        Map<String, String> fields = new LinkedHashMap<>();
        TicketFacts.fields(event, settings).forEach((field, value) -> fields.put(field, String.valueOf(value)));
        if (!fields.isEmpty()) {
            ticket.put("CustomFields", fields);
        }
        return ticket;
    }

    /** A reopened conversation reopens the ticket; a message that raised the priority raises the ticket's. */
    static Map<String, Object> changes(TicketEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event.tags().contains(Conversations.REOPENED)) {
            changes.put("Status", "open");
        }
        if (event.tags().contains(Priorities.RAISED)) {
            changes.put("Priority", priority(event.priority()));
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

    private String existingTicket(String helpdesk, HelpdeskSettings settings, String conversationId) {
        if (settings.conversationField() == null || settings.conversationField().isBlank()) {
            return null;
        }
        String query = "CF.{" + settings.conversationField() + "} = '" + conversationId.replace("'", "") + "'";
        JsonNode items = call(helpdesk, settings, "GET", "/REST/2.0/tickets?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), null).path("items");
        return items.isArray() && !items.isEmpty() ? items.get(0).path("id").asText(null) : null;
    }

    private JsonNode call(String helpdesk, HelpdeskSettings settings, String method, String path, Object body) {
        return http.exchange(helpdesk, method, URI.create(settings.baseUrl() + path), authorization(settings), body,
                settings.timeout());
    }

    /** An RT auth token ({@code Authorization: token …}) or, without one, basic auth with user name and password. */
    private static String authorization(HelpdeskSettings settings) {
        if (settings.token() != null && !settings.token().isBlank()) {
            return "token " + settings.token();
        }
        return "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password())
                .getBytes(StandardCharsets.UTF_8));
    }
}
