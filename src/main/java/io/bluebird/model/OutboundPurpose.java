package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the hub writes to a customer; channels treat them differently (Messenger's HUMAN_AGENT tag is for agents only). */
public enum OutboundPurpose {
    /** An agent's answer from the helpdesk. */
    AGENT_REPLY("agent-reply"),
    /** The hub's first reply: the invitation to continue in private, or the welcome message. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** The satisfaction survey after a solved ticket, or the thanks for answering it. */
    SURVEY("survey");

    private final String value;

    OutboundPurpose(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
