package io.bluebird.helpdesk;

import java.time.Clock;
import java.util.List;

import io.bluebird.broker.BatchTransactions;
import io.bluebird.conversation.Conversations;
import io.bluebird.conversation.HelpdeskTicket;
import io.bluebird.conversation.WaitingMessage;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers which ticket events a helpdesk already has, so a redelivered event (a hub killed after the helpdesk
 * answered, a duplicate message sent on again) never makes a second ticket or comment.
 */
@Component("ticketDeliveries")
public class TicketDeliveries {

    private final Conversations store;
    private final TransactionTemplate transactions;
    private final BatchTransactions batches;
    private final Clock clock;

    public TicketDeliveries(Conversations store, TransactionTemplate transactions, BatchTransactions batches,
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

    /**
     * The messages that go in the event's call after its own (at most {@code limit} in all), oldest first: those of
     * its conversation that wait behind it, written down and committed before the call so that a call made again
     * (after a failure, a crash) carries the same ones. They stop at the first that would change who speaks (the
     * customer's words are public on the ticket, the brand's internal) or that answers the survey. {@code again}: the
     * call may have been made before, so it carries what it carried then, or its message alone.
     */
    public List<SocialMessage> joining(TicketEvent event, int limit, boolean again) {
        if (limit <= 1) {
            return List.of();
        }
        List<WaitingMessage> waiting = store.waitingAfter(event.conversationId(), event.eventId(), limit - 1);
        List<WaitingMessage> planned = waiting.stream()
                .filter(message -> event.eventId().equals(message.joinedInto())).toList();
        if (!planned.isEmpty() || again) {
            return messages(planned);
        }
        Direction speaker = event.message().direction();
        List<WaitingMessage> joined = waiting.stream()
                .takeWhile(message -> !message.surveyAnswer() && message.message().direction() == speaker).toList();
        if (!joined.isEmpty()) {
            transactions.executeWithoutResult(transaction ->
                    store.join(event.eventId(), joined.stream().map(WaitingMessage::eventId).toList()));
            batches.commitSoFar();
        }
        return messages(joined);
    }

    /** Whether the event's message went in the call of an earlier event, which its helpdesk has. */
    public boolean wentWithAnother(String eventId) {
        return store.deliveredWith(eventId).isPresent();
    }

    private static List<SocialMessage> messages(List<WaitingMessage> waiting) {
        return waiting.stream().map(WaitingMessage::message).toList();
    }

    /** Records that the helpdesk has the event. */
    public void delivered(String eventId) {
        store.markDelivered(eventId, clock.instant());
    }
}
