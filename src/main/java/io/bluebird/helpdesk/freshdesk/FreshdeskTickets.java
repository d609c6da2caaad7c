package io.bluebird.helpdesk.freshdesk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Delivers ticket events to Freshdesk (API v2, basic auth with the API key): the first event of a conversation
 * creates the ticket ({@code POST /api/v2/tickets}), later ones become notes ({@code POST /api/v2/tickets/{id}/notes};
 * the customer's words as incoming public notes, the brand's as private ones), a survey result a private note and
 * the score in a custom field. Freshdesk has no idempotency key: every ticket carries a tag made from the
 * conversation id, and a create is preceded by a search on it, so a hub that crashed after Freshdesk's 201 finds
 * that ticket again instead of making a second.
 */
@Component("freshdeskTickets")
public class FreshdeskTickets {

    private static final Logger log = LoggerFactory.getLogger(FreshdeskTickets.class);
    /** Chat: the closest of Freshdesk's sources to a social message (configurable per helpdesk). */
    static final int DEFAULT_SOURCE = 7;
    static final int OPEN = 2;

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;
    private final TicketDeliveries deliveries;

    public FreshdeskTickets(HelpdeskConfig config, HttpHelpdeskClient http, TicketDeliveries deliveries) {
        this.config = config;
        this.http = http;
        this.deliveries = deliveries;
    }

    public void deliver(TicketEvent event, String helpdesk) {
        HelpdeskSettings settings = config.helpdesk(helpdesk);
        String ticketId = deliveries.ticketIdOf(event.conversationId());
        if (ticketId == null && event.type() != TicketEventType.SURVEY_COMPLETED) {
            ticketId = existingTicket(helpdesk, settings, event);
            if (ticketId == null) {
                JsonNode created = call(helpdesk, settings, "POST", "/api/v2/tickets", newTicket(event, settings));
                ticketId = created.path("id").asText(null);
                if (ticketId == null) {
                    throw new HelpdeskRejected(helpdesk + ": Freshdesk created no ticket id");
                }
                log.info("{}: conversation {} is Freshdesk ticket {}", helpdesk, event.conversationId(), ticketId);
            } else {
                log.info("{}: conversation {} already has Freshdesk ticket {} (found by its tag): not creating another",
                        helpdesk, event.conversationId(), ticketId);
            }
            deliveries.delivered(event, helpdesk, ticketId);
            return;
        }
        if (ticketId == null) {
            throw new HelpdeskRejected(helpdesk + ": survey result for conversation " + event.conversationId()
                    + ", which has no Freshdesk ticket");
        }
        if (event.type() == TicketEventType.SURVEY_COMPLETED) {
            call(helpdesk, settings, "POST", "/api/v2/tickets/" + ticketId + "/notes",
                    Map.of("body", html(TicketText.of(event.survey())), "private", true));
            if (settings.surveyField() != null && !settings.surveyField().isBlank()) {
                call(helpdesk, settings, "PUT", "/api/v2/tickets/" + ticketId,
                        Map.of("custom_fields", Map.of(settings.surveyField(), event.survey().score())));
            }
        } else {
            boolean fromCustomer = event.message().direction() == Direction.IN;
            call(helpdesk, settings, "POST", "/api/v2/tickets/" + ticketId + "/notes", Map.of(
                    "body", html(TicketText.of(event.message())), "private", !fromCustomer, "incoming", fromCustomer));
            Map<String, Object> changes = changes(event);
            if (!changes.isEmpty()) {
                call(helpdesk, settings, "PUT", "/api/v2/tickets/" + ticketId, changes);
            }
        }
        deliveries.delivered(event, helpdesk, null);
    }

    /** The create body: requester, HTML description, priority 1-4, open, source, tags (with the lookup tag). */
    static Map<String, Object> newTicket(TicketEvent event, HelpdeskSettings settings) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        Requesters.Requester requester = Requesters.of(event.customer());
        ticket.put("name", requester.name());
        ticket.put("email", requester.email());
        ticket.put("subject", event.subject());
        ticket.put("description", html(TicketText.newTicket(event)));
        ticket.put("priority", priority(event.priority()));
        ticket.put("status", OPEN);
        ticket.put("source", settings.source() == null ? DEFAULT_SOURCE : settings.source());
        List<String> tags = new ArrayList<>(event.tags());
        tags.add(lookupTag(event.conversationId()));
        ticket.put("tags", tags);
        Map<String, Object> fields = TicketFacts.fields(event, settings);
        if (!fields.isEmpty()) {
            ticket.put("custom_fields", fields);
        }
        return ticket;
    }

    /** A reopened conversation reopens the ticket; a message that raised the priority raises the ticket's. */
    static Map<String, Object> changes(TicketEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event.tags().contains(Conversations.REOPENED)) {
            changes.put("status", OPEN);
        }
        if (event.tags().contains(Priorities.RAISED)) {
            changes.put("priority", priority(event.priority()));
        }
        return changes;
    }

    /** Freshdesk tags are at most 32 characters: "bb" and 30 hex digits of the conversation id. */
    static String lookupTag(String conversationId) {
        String hex = conversationId.replace("-", "").toLowerCase();
        return "bb" + hex.substring(0, Math.min(30, hex.length()));
    }

    static int priority(Priority priority) {
        return switch (priority) {
            case LOW -> 1;
            case NORMAL -> 2;
            case HIGH -> 3;
            case URGENT -> 4;
        };
    }

    /** Freshdesk shows descriptions and notes as HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br>");
    }

    private String existingTicket(String helpdesk, HelpdeskSettings settings, TicketEvent event) {
        String query = URLEncoder.encode("\"tag:'" + lookupTag(event.conversationId()) + "'\"", StandardCharsets.UTF_8);
        JsonNode found = call(helpdesk, settings, "GET", "/api/v2/search/tickets?query=" + query, null);
        JsonNode results = found.path("results");
        return results.isArray() && !results.isEmpty() ? results.get(0).path("id").asText(null) : null;
    }

    private JsonNode call(String helpdesk, HelpdeskSettings settings, String method, String path, Object body) {
        String basic = Base64.getEncoder().encodeToString((settings.apiKey() + ":X").getBytes(StandardCharsets.UTF_8));
        return http.exchange(helpdesk, method, URI.create(settings.baseUrl() + path), "Basic " + basic, body,
                settings.timeout());
    }
}
