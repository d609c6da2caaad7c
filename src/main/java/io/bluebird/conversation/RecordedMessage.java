package io.bluebird.conversation;

import io.bluebird.model.Conversation;
import io.bluebird.model.TicketEvent;

/**
 * A stored message's ticket event, and its conversation as the message left it (state only, no messages): what
 * the later stages of the process route decide from (priority, choice, helpdesk), so none of them reads it back.
 */
public record RecordedMessage(TicketEvent event, Conversation conversation) {

    /**
     * The ids alone: Camel's simple predicates render an operand that does not match (the process route's
     * {@code ${body} == null}, for every message), and the whole record, the customer's words included, cost a
     * twentieth of the process stage's time; nor do those words belong in a log line.
     */
    @Override
    public String toString() {
        return "RecordedMessage[event " + event.eventId() + " of conversation " + event.conversationId() + "]";
    }
}
