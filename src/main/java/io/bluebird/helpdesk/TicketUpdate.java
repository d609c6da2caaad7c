package io.bluebird.helpdesk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;

/**
 * What a later message changes on its ticket: the comment ({@code messages}: the event's message and those that
 * waited behind it, oldest first; none when an earlier call carried the message already), the ticket reopened when
 * the conversation was, the priority when the message raised it ({@code raisedTo}, else null: an agent's own choice
 * is left alone), and the event's tags the ticket does not have yet ({@code newTags}).
 */
public record TicketUpdate(TicketEvent event, List<SocialMessage> messages, boolean reopen, Priority raisedTo,
                           List<String> newTags) {

    public TicketUpdate {
        messages = List.copyOf(messages);
        newTags = List.copyOf(newTags);
    }

    /** The event's message alone; {@code ticketTags}: the tags the hub already put on the ticket. */
    public static TicketUpdate of(TicketEvent event, Collection<String> ticketTags) {
        return of(event, List.of(), ticketTags);
    }

    /** The event's message with {@code joined}, the messages that waited behind it. */
    public static TicketUpdate of(TicketEvent event, List<SocialMessage> joined, Collection<String> ticketTags) {
        List<SocialMessage> messages = new ArrayList<>(List.of(event.message()));
        messages.addAll(joined);
        return new TicketUpdate(event, messages, event.tags().contains(TicketTags.REOPENED),
                event.tags().contains(TicketTags.PRIORITY_RAISED) ? event.priority() : null,
                event.tags().stream().filter(tag -> !ticketTags.contains(tag)).toList());
    }

    /** What else the event changes, for a message an earlier call carried. */
    public static TicketUpdate withoutMessage(TicketEvent event, Collection<String> ticketTags) {
        TicketUpdate update = of(event, ticketTags);
        return new TicketUpdate(event, List.of(), update.reopen(), update.raisedTo(), update.newTags());
    }

    /** Whether the update needs a call of its own, besides the tags. */
    public boolean changesTicket() {
        return !messages.isEmpty() || reopen || raisedTo != null;
    }
}
