package io.bluebird.helpdesk;

import java.util.Collection;
import java.util.List;

import io.bluebird.model.Priority;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;

/**
 * What a later message changes on its ticket: the message itself, the ticket reopened when the conversation was,
 * the priority when the message raised it ({@code raisedTo}, else null: an agent's own choice is left alone), and
 * the event's tags the ticket does not have yet ({@code newTags}).
 */
public record TicketUpdate(TicketEvent event, boolean reopen, Priority raisedTo, List<String> newTags) {

    public TicketUpdate {
        newTags = List.copyOf(newTags);
    }

    /** {@code ticketTags}: the tags the hub already put on the ticket. */
    public static TicketUpdate of(TicketEvent event, Collection<String> ticketTags) {
        return new TicketUpdate(event, event.tags().contains(TicketTags.REOPENED),
                event.tags().contains(TicketTags.PRIORITY_RAISED) ? event.priority() : null,
                event.tags().stream().filter(tag -> !ticketTags.contains(tag)).toList());
    }
}
