package io.bluebird.helpdesk.zendesk;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.bluebird.client.HttpAnswer;
import io.bluebird.helpdesk.HelpdeskBudgets;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskRejected;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.Requesters;
import io.bluebird.helpdesk.TicketApi;
import io.bluebird.helpdesk.TicketFacts;
import io.bluebird.helpdesk.TicketText;
import io.bluebird.helpdesk.TicketUpdate;
import io.bluebird.helpdesk.ZendeskSettings;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.SurveyResult;
import io.bluebird.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Zendesk's ticket calls: the first event of a conversation creates the ticket
 * ({@code POST /api/v2/tickets.json}, with an {@code Idempotency-Key} per conversation so a retried create gets the
 * first ticket back), later ones add a comment to it ({@code PUT /api/v2/tickets/{id}.json}). Zendesk takes an
 * Idempotency-Key on creates only, so each update carries its event id in the audit's custom metadata: an update tried
 * again after an answer that never came (a timeout, a dropped connection, a hub killed in the call) first looks for
 * that id among the ticket's latest audits, and is not sent twice.
 */
@Component("zendeskTickets")
public class ZendeskTickets implements TicketApi {

    private static final Logger log = LoggerFactory.getLogger(ZendeskTickets.class);

    private final HelpdeskConfig config;
    private final ZendeskAuth auth;
    private final HttpHelpdeskClient http;
    private final HelpdeskBudgets budgets;
    private final ObjectMapper json;

    public ZendeskTickets(HelpdeskConfig config, ZendeskAuth auth, HttpHelpdeskClient http, HelpdeskBudgets budgets,
                          ObjectMapper json) {
        this.config = config;
        this.auth = auth;
        this.http = http;
        this.budgets = budgets;
        this.json = json;
    }

    /** Custom audit metadata key with the event id of the update that made the audit. */
    static final String EVENT_METADATA = "bluebird_event";

    @Override
    public String type() {
        return "zendesk";
    }

    /** An update carries its event id in the audit it makes, which a retry looks for. */
    @Override
    public boolean findsRepeatedUpdates() {
        return true;
    }

    /** None to look for: a repeated create with the conversation's Idempotency-Key gets the first ticket back. */
    @Override
    public String existingTicket(String helpdesk, TicketEvent event) {
        return null;
    }

    @Override
    public String create(String helpdesk, TicketEvent event, List<SocialMessage> joined) {
        HttpAnswer response = call(helpdesk, "POST", "/api/v2/tickets.json",
                Map.of("Idempotency-Key", idempotencyKey(event)),
                new TicketRequest(newTicket(event, joined, settings(helpdesk).customFields())));
        String ticketId = createdTicketId(helpdesk, response);
        log.info("{}: conversation {} is Zendesk ticket {}{}", helpdesk, event.conversationId(), ticketId,
                response.header("x-idempotency-lookup").map(hit -> " (idempotency " + hit + ")")
                        .orElse(""));
        return ticketId;
    }

    @Override
    public void update(String helpdesk, String ticketId, TicketUpdate update) {
        updateTicket(helpdesk, ticketId, new TicketRequest(comment(update)));
        log.info("{}: added {} message(s) from {} to Zendesk ticket {}", helpdesk, update.messages().size(),
                update.event().message().id(), ticketId);
    }

    @Override
    public void addSurveyResult(String helpdesk, String ticketId, TicketEvent event) {
        updateTicket(helpdesk, ticketId,
                new TicketRequest(surveyResult(event, settings(helpdesk).surveyField())));
        log.info("{}: added survey result {} to Zendesk ticket {}", helpdesk, event.survey().tag(), ticketId);
    }

    /** Update Ticket, within that endpoint's own limit besides the account's ({@code updates-per-minute}). */
    private void updateTicket(String helpdesk, String ticketId, TicketRequest change) {
        budgets.within(helpdesk, HelpdeskBudgets.UPDATE_TICKET, settings(helpdesk).updatesPerMinute(), () ->
                call(helpdesk, "PUT", "/api/v2/tickets/" + ticketId + ".json", Map.of(), change));
    }

    /**
     * Whether one of the ticket's latest 100 audits was made by this event's update (a retry follows its first try
     * within minutes, so that is far enough back).
     */
    @Override
    public boolean hasEvent(String helpdesk, String ticketId, TicketEvent event) {
        String eventId = event.eventId();
        HttpAnswer response = call(helpdesk, "GET", "/api/v2/tickets/" + ticketId
                + "/audits.json?sort_order=desc&per_page=100", Map.of(), null);
        try {
            for (var audit : json.readTree(response.body()).path("audits")) {
                if (eventId.equals(audit.path("metadata").path("custom").path(EVENT_METADATA).asText(null))) {
                    log.info("{}: Zendesk ticket {} already has event {} (found in its audits): not sent again",
                            helpdesk, ticketId, eventId);
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            throw new HelpdeskRejected(helpdesk + ": Zendesk answered the audits of ticket " + ticketId
                    + " with no JSON");
        }
    }

    /** One key per conversation: Zendesk answers a repeated create with the ticket it made the first time. */
    static String idempotencyKey(TicketEvent event) {
        return "bluebird-conversation-" + event.conversationId();
    }

    /** {@code customFields}: facts of {@link TicketFacts} to Zendesk custom field ids (numbers). */
    static Ticket newTicket(TicketEvent event, List<SocialMessage> joined, Map<String, String> customFields) {
        Requesters.Requester requester = Requesters.of(event.customer());
        List<CustomField> fields = TicketFacts.fields(event, customFields).entrySet().stream()
                .map(field -> new CustomField(Long.parseLong(field.getKey().strip()), field.getValue())).toList();
        return new Ticket(event.subject(), new Comment(TicketText.newTicket(event, joined), true),
                new Requester(requester.name(), requester.email()), event.priority().name().toLowerCase(), event.tags(),
                event.conversationId(), null, fields.isEmpty() ? null : fields, null);
    }

    /**
     * Later messages as one comment (Zendesk takes one a call); what the brand wrote is internal. The ticket is
     * reopened, and its priority raised, where the update says so; no comment when the update has no message.
     */
    static Ticket comment(TicketUpdate update) {
        TicketEvent event = update.event();
        Comment comment = update.messages().isEmpty() ? null : new Comment(TicketText.comment(update.messages()),
                event.message().direction() == Direction.IN);
        return new Ticket(null, comment, null,
                update.raisedTo() == null ? null : update.raisedTo().name().toLowerCase(), null, null,
                update.reopen() ? "open" : null, null, Map.of(EVENT_METADATA, event.eventId()));
    }

    /**
     * Adds tags to the ticket, keeping its others ({@code PUT /api/v2/tickets/{id}/tags.json}, Zendesk's Add Tags):
     * {@code tags} on Update Ticket replaces all of a ticket's tags, and {@code additional_tags} works only on Update
     * Many Tickets. Adding a tag the ticket has is a no-op, so a retried call is harmless.
     */
    @Override
    public void addTags(String helpdesk, String ticketId, List<String> tags) {
        call(helpdesk, "PUT", "/api/v2/tickets/" + ticketId + "/tags.json", Map.of(), new Tags(tags));
    }

    /**
     * The survey result as Zendesk agents see it: an internal comment stating the score, and the score in a custom
     * field where one is configured (its tag, {@code csat_4} or {@code nps_9}, comes through {@link #addTags}).
     */
    static Ticket surveyResult(TicketEvent event, String surveyField) {
        SurveyResult survey = event.survey();
        return new Ticket(null, new Comment(TicketText.of(survey), false), null, null, null, null, null,
                surveyField == null || surveyField.isBlank() ? null
                        : List.of(new CustomField(Long.parseLong(surveyField.strip()), survey.score())),
                Map.of(EVENT_METADATA, event.eventId()));
    }

    private HttpAnswer call(String helpdesk, String method, String path, Map<String, String> headers,
                                      Object body) {
        ZendeskSettings settings = settings(helpdesk);
        URI uri = URI.create(settings.baseUrl() + path);
        String request = body == null ? null : http.toJson(body);
        HttpAnswer response = http.send(helpdesk, method, uri,
                withAuthorization(headers, auth.authorization(helpdesk)), request, settings.timeout());
        if (response.statusCode() == 401) {
            auth.renew(helpdesk);
            response = http.send(helpdesk, method, uri, withAuthorization(headers, auth.authorization(helpdesk)),
                    request, settings.timeout());
        }
        return HttpHelpdeskClient.expectSuccess(response);
    }

    private static Map<String, String> withAuthorization(Map<String, String> headers, String authorization) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", authorization);
        return all;
    }

    private String createdTicketId(String helpdesk, HttpAnswer response) {
        try {
            String id = json.readTree(response.body()).path("ticket").path("id").asText(null);
            if (id == null) {
                throw new HelpdeskRejected(helpdesk + ": Zendesk answered " + response.statusCode()
                        + " without ticket.id");
            }
            return id;
        } catch (JsonProcessingException e) {
            throw new HelpdeskRejected(helpdesk + ": Zendesk answered " + response.statusCode() + " with no JSON");
        }
    }

    record TicketRequest(Ticket ticket) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code metadata}: custom metadata of the audit the request makes (Zendesk keeps up to 1 KB). */
    record Ticket(String subject, Comment comment, Requester requester, String priority, List<String> tags,
                  String externalId, String status, List<CustomField> customFields, Map<String, String> metadata) {
    }

    /** The body of Add Tags. */
    record Tags(List<String> tags) {
    }

    record CustomField(long id, Object value) {
    }

    record Comment(String body, @JsonProperty("public") boolean isPublic) {
    }

    record Requester(String name, String email) {
    }

    private ZendeskSettings settings(String helpdesk) {
        return config.helpdesk(helpdesk, ZendeskSettings.class);
    }
}
