package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonValue;

public enum HelpdeskEventType {
    /** An agent answered on the ticket: the answer goes to the customer on the conversation's channel. */
    AGENT_REPLY("agent.reply"),
    /** The ticket is solved: the conversation closes and the customer gets the satisfaction survey. */
    TICKET_SOLVED("ticket.solved");

    private final String value;

    HelpdeskEventType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
