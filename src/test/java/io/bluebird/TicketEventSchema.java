package io.bluebird;

import com.fasterxml.jackson.databind.JsonNode;

/** The shipped JSON Schema of bluebird.ticket.v1 (schemas/), for tests to hold every TicketEvent they see to it. */
public final class TicketEventSchema {

    private TicketEventSchema() {
    }

    public static void assertValid(JsonNode event) {
        ContractSchema.TICKET_EVENT.assertValid(event);
    }
}
