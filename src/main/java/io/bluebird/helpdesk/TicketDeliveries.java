package io.bluebird.helpdesk;

import java.time.Clock;
import java.util.List;

import io.bluebird.broker.BatchTransactions;
import io.bluebird.conversation.ConversationStore;
import io.bluebird.conversation.ConversationStore.HelpdeskTicket;
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

    /** The helpdesk's ticket for this conversation, and the tags the hub put on it; null when it has none yet. */
    public HelpdeskTicket ticketOf(String conversationId) {
        return store.ticketOf(conversationId).orElse(null);
    }

    /**
     * Records that {@code helpdesk} has the event, and the ticket it made, with the event's tags. A new ticket is
     * committed at once, with the deliveries of the batch before it: it wrote its conversation's row, which the
     * process stage may be waiting for.
     */
    public void created(TicketEvent event, String helpdesk, String ticketId) {
        transactions.executeWithoutResult(transaction -> {
            store.markDelivered(event.eventId(), clock.instant());
            store.setTicket(event.conversationId(), helpdesk, ticketId, event.tags());
        });
        batches.commitSoFar();
    }

    /** Records that the helpdesk has the event, which put {@code newTags} on the conversation's ticket. */
    public void delivered(TicketEvent event, List<String> newTags) {
        if (newTags.isEmpty()) {
            delivered(event.eventId());
            return;
        }
        transactions.executeWithoutResult(transaction -> {
            store.markDelivered(event.eventId(), clock.instant());
            store.addTicketTags(event.conversationId(), newTags);
        });
    }

    /** Records that the helpdesk has the event. */
    public void delivered(String eventId) {
        store.markDelivered(eventId, clock.instant());
    }
}
