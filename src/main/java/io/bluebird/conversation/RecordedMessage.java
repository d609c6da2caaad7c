package io.bluebird.conversation;

import io.bluebird.model.Conversation;
import io.bluebird.model.TicketEvent;

/**
 * A stored message's ticket event, and its conversation as the message left it (state only, no messages): what
 * the later stages of the process route decide from (priority, choice, helpdesk), so none of them reads it back.
 */
public record RecordedMessage(TicketEvent event, Conversation conversation) {
}
