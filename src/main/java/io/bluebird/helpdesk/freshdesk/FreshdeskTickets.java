package io.bluebird.helpdesk.freshdesk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.helpdesk.HelpdeskBudgets;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskRejected;
import io.bluebird.helpdesk.FreshdeskSettings;
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
 * Freshdesk's ticket calls (API v2, basic auth with the API key): the first event of a conversation
 * creates the ticket ({@code POST /api/v2/tickets}), later ones become notes ({@code POST /api/v2/tickets/{id}/notes};
 * the customer's words as incoming public notes, the brand's as private ones), a survey result a private note and
 * the score in a custom field. Freshdesk has no idempotency key: every ticket carries a tag made from the
 * conversation id, and a create is preceded by a search on it, so a hub that crashed after Freshdesk's 201 finds
 * that ticket again instead of making a second.
 */
@Component("freshdeskTickets")
public class FreshdeskTickets implements TicketApi {

    private static final Logger log = LoggerFactory.getLogger(FreshdeskTickets.class);
    /** Chat: the closest of Freshdesk's sources to a social message (configurable per helpdesk). */
    static final int DEFAULT_SOURCE = 7;
    static final int OPEN = 2;

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;
    private final HelpdeskBudgets budgets;

    public FreshdeskTickets(HelpdeskConfig config, HttpHelpdeskClient http, HelpdeskBudgets budgets) {
        this.config = config;
        this.http = http;
        this.budgets = budgets;
    }

    @Override
    public String type() {
        return "freshdesk";
    }

    /** Freshdesk's notes carry no marker the hub could look for. */
    @Override
    public boolean findsRepeatedUpdates() {
        return false;
    }

    /** The ticket that carries the conversation's lookup tag: Freshdesk has no idempotency key for creates. */
    @Override
    public String existingTicket(String helpdesk, TicketEvent event) {
        String query = URLEncoder.encode("\"tag:'" + lookupTag(event.conversationId()) + "'\"", StandardCharsets.UTF_8);
        JsonNode results = call(helpdesk, "GET", "/api/v2/search/tickets?query=" + query, null).path("results");
        String found = results.isArray() && !results.isEmpty() ? results.get(0).path("id").asText(null) : null;
        if (found != null) {
            log.info("{}: conversation {} already has Freshdesk ticket {} (found by its tag): not creating another",
                    helpdesk, event.conversationId(), found);
        }
        return found;
    }

    @Override
    public String create(String helpdesk, TicketEvent event, List<SocialMessage> joined) {
        FreshdeskSettings settings = settings(helpdesk);
        // Ticket Create has a limit of its own (creates-per-minute)
        String ticketId = budgets.within(helpdesk, HelpdeskBudgets.CREATE_TICKET, settings.createsPerMinute(), () ->
                call(helpdesk, "POST", "/api/v2/tickets", newTicket(event, joined, settings))).path("id").asText(null);
        if (ticketId == null) {
            throw new HelpdeskRejected(helpdesk + ": Freshdesk created no ticket id");
        }
        log.info("{}: conversation {} is Freshdesk ticket {}", helpdesk, event.conversationId(), ticketId);
        return ticketId;
    }

    /**
     * The customer's words as an incoming public note, the brand's as a private one (the update's messages in one
     * note: Freshdesk takes one a call); then reopen, priority.
     */
    @Override
    public void update(String helpdesk, String ticketId, TicketUpdate update) {
        if (!update.messages().isEmpty()) {
            boolean fromCustomer = update.event().message().direction() == Direction.IN;
            call(helpdesk, "POST", "/api/v2/tickets/" + ticketId + "/notes", Map.of(
                    "body", html(TicketText.comment(update.messages())), "private", !fromCustomer,
                    "incoming", fromCustomer));
        }
        Map<String, Object> changes = changes(update);
        if (!changes.isEmpty()) {
            updateTicket(helpdesk, ticketId, changes);
        }
    }

    @Override
    public void addSurveyResult(String helpdesk, String ticketId, TicketEvent event) {
        call(helpdesk, "POST", "/api/v2/tickets/" + ticketId + "/notes",
                Map.of("body", html(TicketText.of(event.survey())), "private", true));
        String surveyField = settings(helpdesk).surveyField();
        if (surveyField != null && !surveyField.isBlank()) {
            updateTicket(helpdesk, ticketId, Map.of("custom_fields", Map.of(surveyField, event.survey().score())));
        }
    }

    /**
     * Freshdesk's Update Ticket replaces the tags it is given, and API v2 has no call that only adds: the ticket's
     * tags are read first, so an agent's own tags stay.
     */
    @Override
    public void addTags(String helpdesk, String ticketId, List<String> tags) {
        Set<String> all = new LinkedHashSet<>();
        call(helpdesk, "GET", "/api/v2/tickets/" + ticketId, null).path("tags").forEach(tag -> all.add(tag.asText()));
        if (all.addAll(tags)) {
            updateTicket(helpdesk, ticketId, Map.of("tags", List.copyOf(all)));
        }
    }

    /** The create body: requester, HTML description, priority 1-4, open, source, tags (with the lookup tag). */
    static Map<String, Object> newTicket(TicketEvent event, List<SocialMessage> joined, FreshdeskSettings settings) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        Requesters.Requester requester = Requesters.of(event.customer());
        ticket.put("name", requester.name());
        ticket.put("email", requester.email());
        ticket.put("subject", event.subject());
        ticket.put("description", html(TicketText.newTicket(event, joined)));
        ticket.put("priority", priority(event.priority()));
        ticket.put("status", OPEN);
        ticket.put("source", settings.source() == null ? DEFAULT_SOURCE : settings.source());
        List<String> tags = new ArrayList<>(event.tags());
        tags.add(lookupTag(event.conversationId()));
        ticket.put("tags", tags);
        Map<String, Object> fields = TicketFacts.fields(event, settings.customFields(), settings.conversationField());
        if (!fields.isEmpty()) {
            ticket.put("custom_fields", fields);
        }
        return ticket;
    }

    static Map<String, Object> changes(TicketUpdate update) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (update.reopen()) {
            changes.put("status", OPEN);
        }
        if (update.raisedTo() != null) {
            changes.put("priority", priority(update.raisedTo()));
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

    /** Update Ticket ({@code PUT /api/v2/tickets/{id}}), within its own limit ({@code updates-per-minute}). */
    private void updateTicket(String helpdesk, String ticketId, Map<String, Object> changes) {
        budgets.within(helpdesk, HelpdeskBudgets.UPDATE_TICKET, settings(helpdesk).updatesPerMinute(), () ->
                call(helpdesk, "PUT", "/api/v2/tickets/" + ticketId, changes));
    }

    private JsonNode call(String helpdesk, String method, String path, Object body) {
        FreshdeskSettings settings = settings(helpdesk);
        String basic = Base64.getEncoder().encodeToString((settings.apiKey() + ":X").getBytes(StandardCharsets.UTF_8));
        return http.exchange(helpdesk, method, URI.create(settings.baseUrl() + path), "Basic " + basic, body,
                settings.timeout());
    }

    private FreshdeskSettings settings(String helpdesk) {
        return config.helpdesk(helpdesk, FreshdeskSettings.class);
    }
}
