package io.bluebird.helpdesk;

import java.time.Clock;

import io.bluebird.broker.BatchTransactions;
import io.bluebird.conversation.ConversationStore;
import io.bluebird.model.TicketEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers which ticket events a helpdesk already has, so a redelivered event (a hub killed after the helpdesk
 * answered, a duplicate message sent on again) never makes a second ticket or comment.
 */
@Component("ticketDeliveries")
public class TicketDeliveries {

    private final ConversationStore store;
    private final TransactionTemplate transactions;
    private final BatchTransactions batches;
    private final Clock clock;

    public TicketDeliveries(ConversationStore store, TransactionTemplate transactions, BatchTransactions batches,
                            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.batches = batches;
        this.clock = clock;
    }

    public boolean isDelivered(String eventId) {
        return store.isDelivered(eventId);
    }

    /** The helpdesk's ticket for this conversation, or null when it has none yet. */
    public String ticketIdOf(String conversationId) {
        return store.ticketIdOf(conversationId).orElse(null);
    }

    /**
     * Records that {@code helpdesk} has the event, and the ticket it is on when the helpdesk gave one. A new ticket is
     * committed at once, with the deliveries of the batch before it: it wrote its conversation's row, which the
     * process stage may be waiting for.
     */
    public void delivered(TicketEvent event, String helpdesk, String ticketId) {
        delivered(event.eventId(), event.conversationId(), helpdesk, ticketId);
    }

    public void delivered(String eventId, String conversationId, String helpdesk, String ticketId) {
        if (ticketId == null) {
            store.markDelivered(eventId, clock.instant());
            return;
        }
        transactions.executeWithoutResult(transaction -> {
            store.markDelivered(eventId, clock.instant());
            store.setTicket(conversationId, helpdesk, ticketId);
        });
        batches.commitSoFar();
    }
}
