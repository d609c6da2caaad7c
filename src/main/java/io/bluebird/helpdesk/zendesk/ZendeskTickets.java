package io.bluebird.helpdesk.zendesk;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
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
import io.bluebird.model.SurveyResult;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.priority.Priorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers ticket events to a Zendesk: the first one of a conversation creates the ticket
 * ({@code POST /api/v2/tickets.json}, with an {@code Idempotency-Key} per conversation so a retried create gets the
 * first ticket back), later ones add a comment to it ({@code PUT /api/v2/tickets/{id}.json}). Zendesk takes an
 * Idempotency-Key on creates only, so each update carries its event id in the audit's custom metadata: an update tried
 * again after an answer that never came (a timeout, a dropped connection, a hub killed in the call) first looks for
 * that id among the ticket's latest audits, and is not sent twice.
 */
@Component("zendeskTickets")
public class ZendeskTickets {

    private static final Logger log = LoggerFactory.getLogger(ZendeskTickets.class);

    private final HelpdeskConfig config;
    private final ZendeskAuth auth;
    private final HttpHelpdeskClient http;
    private final TicketDeliveries deliveries;
    private final ObjectMapper json;

    public ZendeskTickets(HelpdeskConfig config, ZendeskAuth auth, HttpHelpdeskClient http,
                          TicketDeliveries deliveries, ObjectMapper json) {
        this.config = config;
        this.auth = auth;
        this.http = http;
        this.deliveries = deliveries;
        this.json = json;
    }

    /** Custom audit metadata key with the event id of the update that made the audit. */
    static final String EVENT_METADATA = "bluebird_event";

    /**
     * {@code retried}: tried again after a failed call; {@code redelivered}: handed over again by the broker. Either
     * way Zendesk may have the update already.
     */
    public void deliver(TicketEvent event, String helpdesk, Boolean retried, Boolean redelivered) {
        boolean again = Boolean.TRUE.equals(retried) || Boolean.TRUE.equals(redelivered);
        String ticketId = deliveries.ticketIdOf(event.conversationId());
        if (event.type() == TicketEventType.SURVEY_COMPLETED) {
            if (ticketId == null) {
                throw new HelpdeskRejected(helpdesk + ": survey result for conversation " + event.conversationId()
                        + ", which has no Zendesk ticket");
            }
            update(helpdesk, ticketId, event, again, surveyResult(event, config.helpdesk(helpdesk).surveyField()),
                    List.of(event.survey().tag()), "survey result " + event.survey().tag());
        } else if (ticketId == null) {
            HttpResponse<String> response = call(helpdesk, "POST", "/api/v2/tickets.json",
                    Map.of("Idempotency-Key", idempotencyKey(event)),
                    new TicketRequest(newTicket(event, config.helpdesk(helpdesk).customFields())));
            ticketId = createdTicketId(helpdesk, response);
            log.info("{}: conversation {} is Zendesk ticket {}{}", helpdesk, event.conversationId(), ticketId,
                    response.headers().firstValue("x-idempotency-lookup").map(hit -> " (idempotency " + hit + ")")
                            .orElse(""));
            deliveries.delivered(event, helpdesk, ticketId);
        } else {
            update(helpdesk, ticketId, event, again, comment(event), raisedPriorityTags(event),
                    "message " + event.message().id());
        }
    }

    /**
     * Updates the ticket with {@code change} unless an earlier try already did ({@code again}: its event id is in the
     * ticket's audits), adds {@code tags}, and records the event delivered. {@code what}: the change, for the log.
     */
    private void update(String helpdesk, String ticketId, TicketEvent event, boolean again, Ticket change,
                        List<String> tags, String what) {
        if (!(again && hasAudit(helpdesk, ticketId, event.eventId()))) {
            call(helpdesk, "PUT", "/api/v2/tickets/" + ticketId + ".json", Map.of(), new TicketRequest(change));
            log.info("{}: added {} to Zendesk ticket {}", helpdesk, what, ticketId);
        }
        addTags(helpdesk, ticketId, tags);
        deliveries.delivered(event, helpdesk, null);
    }

    /**
     * Whether one of the ticket's latest 100 audits was made by this event's update (a retry follows its first try
     * within minutes, so that is far enough back).
     */
    private boolean hasAudit(String helpdesk, String ticketId, String eventId) {
        HttpResponse<String> response = call(helpdesk, "GET", "/api/v2/tickets/" + ticketId
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
    static Ticket newTicket(TicketEvent event, Map<String, String> customFields) {
        Requesters.Requester requester = Requesters.of(event.customer());
        List<CustomField> fields = TicketFacts.fields(event, customFields).entrySet().stream()
                .map(field -> new CustomField(Long.parseLong(field.getKey().strip()), field.getValue())).toList();
        return new Ticket(event.subject(), new Comment(TicketText.newTicket(event), true),
                new Requester(requester.name(), requester.email()), event.priority().name().toLowerCase(), event.tags(),
                event.conversationId(), null, fields.isEmpty() ? null : fields, null);
    }

    /**
     * A later message as a comment; what the brand wrote is internal. A reopened conversation reopens the ticket; a
     * message that raised the priority (urgent words, a long wait) raises the ticket's and adds the rule's tag.
     */
    static Ticket comment(TicketEvent event) {
        boolean raised = event.tags().contains(Priorities.RAISED);
        return new Ticket(null, new Comment(TicketText.of(event.message()),
                event.message().direction() == Direction.IN), null,
                raised ? event.priority().name().toLowerCase() : null, null, null,
                event.tags().contains(Conversations.REOPENED) ? "open" : null, null,
                Map.of(EVENT_METADATA, event.eventId()));
    }

    /** The tags that say why a message raised the ticket's priority; none when it did not. */
    static List<String> raisedPriorityTags(TicketEvent event) {
        return event.tags().contains(Priorities.RAISED)
                ? event.tags().stream().filter(tag -> tag.startsWith("priority-")).toList() : List.of();
    }

    /**
     * Adds tags to the ticket, keeping its others ({@code PUT /api/v2/tickets/{id}/tags.json}, Zendesk's Add Tags):
     * {@code tags} on Update Ticket replaces all of a ticket's tags, and {@code additional_tags} works only on Update
     * Many Tickets. Adding a tag the ticket has is a no-op, so a retried call is harmless.
     */
    private void addTags(String helpdesk, String ticketId, List<String> tags) {
        if (!tags.isEmpty()) {
            call(helpdesk, "PUT", "/api/v2/tickets/" + ticketId + "/tags.json", Map.of(), new Tags(tags));
        }
    }

    /**
     * The survey result as Zendesk agents see it: an internal comment stating the score, the tag {@code csat_4}
     * (or {@code nps_9}) for views and reports, and the score in a custom field where one is configured.
     */
    static Ticket surveyResult(TicketEvent event, String surveyField) {
        SurveyResult survey = event.survey();
        return new Ticket(null, new Comment(TicketText.of(survey), false), null, null, null, null, null,
                surveyField == null || surveyField.isBlank() ? null
                        : List.of(new CustomField(Long.parseLong(surveyField.strip()), survey.score())),
                Map.of(EVENT_METADATA, event.eventId()));
    }

    private HttpResponse<String> call(String helpdesk, String method, String path, Map<String, String> headers,
                                      Object body) {
        HelpdeskSettings settings = config.helpdesk(helpdesk);
        URI uri = URI.create(settings.baseUrl() + path);
        String request = body == null ? null : http.toJson(body);
        HttpResponse<String> response = http.send(helpdesk, method, uri,
                withAuthorization(headers, auth.authorization(helpdesk)), request, settings.timeout());
        if (response.statusCode() == 401) {
            auth.renew(helpdesk);
            response = http.send(helpdesk, method, uri, withAuthorization(headers, auth.authorization(helpdesk)),
                    request, settings.timeout());
        }
        return HttpHelpdeskClient.expectSuccess(helpdesk, response);
    }

    private static Map<String, String> withAuthorization(Map<String, String> headers, String authorization) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", authorization);
        return all;
    }

    private String createdTicketId(String helpdesk, HttpResponse<String> response) {
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
}
