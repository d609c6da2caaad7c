package io.bluebird.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a helpdesk receives ({@value #SCHEMA}): a conversation's new message with everything an agent needs
 * beside it. JMS helpdesks get it as JSON; the HTTP adapters map it to their own API.
 */
public record TicketEvent(
        String schema,
        TicketEventType type,
        String eventId,
        Instant occurredAt,
        String conversationId,
        String helpdeskTicketId,
        Priority priority,
        String subject,
        Customer customer,
        SocialMessage message,
        List<SocialMessage> history,
        List<String> tags,
        SurveyResult survey) {

    public static final String SCHEMA = "bluebird.ticket.v1";

    public TicketEvent {
        history = history == null ? List.of() : List.copyOf(history);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public TicketEvent withCustomer(Customer newCustomer) {
        return new TicketEvent(schema, type, eventId, occurredAt, conversationId, helpdeskTicketId, priority, subject,
                newCustomer, message, history, tags, survey);
    }

    public TicketEvent withPriority(Priority newPriority) {
        return new TicketEvent(schema, type, eventId, occurredAt, conversationId, helpdeskTicketId, newPriority,
                subject, customer, message, history, tags, survey);
    }

    public TicketEvent withEventId(String newEventId) {
        return new TicketEvent(schema, type, newEventId, occurredAt, conversationId, helpdeskTicketId, priority,
                subject, customer, message, history, tags, survey);
    }

    /** The event as the result of the conversation's survey: type survey.completed, tagged with the score. */
    public TicketEvent withSurvey(SurveyResult result) {
        return new TicketEvent(schema, TicketEventType.SURVEY_COMPLETED, eventId, occurredAt, conversationId,
                helpdeskTicketId, priority, subject, customer, message, history, tags, result)
                .withTags(List.of("survey", result.tag()));
    }

    /**
     * Names the event without its content: what the customer wrote stays out of logs, and Camel, which writes a body
     * out as text to compare it (a filter on {@code ${body} == null}), does not render the whole event each time.
     */
    @Override
    public String toString() {
        return "TicketEvent[" + (type == null ? null : type.value()) + " " + eventId + " of conversation "
                + conversationId + "]";
    }

    /** The same event with these tags added (once each, after the existing ones). */
    public TicketEvent withTags(List<String> more) {
        List<String> all = new ArrayList<>(tags);
        more.stream().filter(tag -> !all.contains(tag)).forEach(all::add);
        return new TicketEvent(schema, type, eventId, occurredAt, conversationId, helpdeskTicketId, priority, subject,
                customer, message, history, all, survey);
    }
}
