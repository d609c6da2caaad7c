package io.bluebird.helpdesk;

import java.time.Clock;

import io.bluebird.conversation.ConversationStore;
import io.bluebird.model.TicketEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which ticket events a helpdesk already has, so a redelivered event (a hub killed after the helpdesk
 * answered, a duplicate message sent on again) never makes a second ticket or comment.
 */
@Component("ticketDeliveries")
public class TicketDeliveries {

    private final ConversationStore store;
    private final Clock clock;

    public TicketDeliveries(ConversationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean isDelivered(String eventId) {
        return store.isDelivered(eventId);
    }

    /** The helpdesk's ticket for this conversation, or null when it has none yet. */
    public String ticketIdOf(String conversationId) {
        return store.ticketIdOf(conversationId).orElse(null);
    }

    /** Records that {@code helpdesk} has the event, and the ticket it is on when the helpdesk gave one. */
    @Transactional
    public void delivered(TicketEvent event, String helpdesk, String ticketId) {
        delivered(event.eventId(), event.conversationId(), helpdesk, ticketId);
    }

    @Transactional
    public void delivered(String eventId, String conversationId, String helpdesk, String ticketId) {
        store.markDelivered(eventId, clock.instant());
        if (ticketId != null) {
            store.setTicket(conversationId, helpdesk, ticketId);
        }
    }
}
