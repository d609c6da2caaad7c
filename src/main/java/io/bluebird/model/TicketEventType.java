package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonValue;

public enum TicketEventType {
    /** The first message of a conversation: the helpdesk opens a ticket. */
    CREATED("ticket.created"),
    /** A later message of a conversation that already has a ticket. */
    UPDATED("ticket.updated"),
    /** The customer answered the survey sent when the ticket was solved. */
    SURVEY_COMPLETED("survey.completed");

    private final String value;

    TicketEventType(String value) {
        this.value = value;
    }

    /** The name on the wire, e.g. {@code ticket.created}. */
    @JsonValue
    public String value() {
        return value;
    }
}
