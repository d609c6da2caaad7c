package io.bluebird.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.bluebird.helpdesk.HelpdeskRouting;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Conversation;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a message is stored: it joins its customer's open conversation (or starts one) and becomes the ticket
 * event the conversation's helpdesk receives.
 */
@Component("conversations")
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationStore store;
    private final HelpdeskRouting routing;
    private final Clock clock;

    public Conversations(ConversationStore store, HelpdeskRouting routing, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * Stores the message and returns the ticket event to send to the helpdesk; null when the message is a duplicate
     * whose event the helpdesk already has. A message stored before whose event never reached the helpdesk (the hub
     * stopped in between) gives the same event again: the message table is the idempotent repository, and it only
     * drops what is safely delivered.
     */
    @Transactional
    public TicketEvent record(SocialMessage message) {
        Optional<StoredMessage> seen = store.findMessage(message.id());
        if (seen.isPresent()) {
            StoredMessage stored = seen.get();
            if (stored.deliveredAt() != null) {
                log.info("Dropped duplicate message {}: its ticket event {} was delivered", message.id(),
                        stored.eventId());
                return null;
            }
            log.info("Message {} was stored before but its ticket event {} is not delivered yet: sending it again",
                    message.id(), stored.eventId());
            return eventFor(stored.conversationId(), stored.seq(), stored.receivedAt());
        }
        Instant now = clock.instant();
        String conversationId = store.findOpen(message.channel(), message.account(), message.author().id())
                .map(Conversation::id)
                .orElseGet(() -> {
                    String id = UUID.randomUUID().toString();
                    store.insertConversation(id, message, routing.helpdeskFor(message), now);
                    return id;
                });
        store.insertMessage(message, conversationId, TicketEvents.eventIdOf(message.id()), now);
        StoredMessage stored = store.findMessage(message.id()).orElseThrow();
        return eventFor(conversationId, stored.seq(), now);
    }

    /** The helpdesk a conversation belongs to. */
    public String helpdeskOf(String conversationId) {
        return store.helpdeskOf(conversationId)
                .orElseThrow(() -> new IllegalStateException("no conversation " + conversationId));
    }

    public Conversation get(String id) {
        return store.find(id).orElseThrow(() -> new RequestRejected(404, "no conversation with id " + id));
    }

    public ConversationList byHandle(String handle) {
        if (handle == null || handle.isBlank()) {
            throw RequestRejected.badRequest("handle", "'handle' is required: GET /api/conversations?handle=jdoe");
        }
        return new ConversationList(store.findByHandle(handle.strip()));
    }

    private TicketEvent eventFor(String conversationId, long seq, Instant occurredAt) {
        List<SocialMessage> history = store.history(conversationId, seq);
        return TicketEvents.of(conversationId, store.ticketIdOf(conversationId).orElse(null), history, occurredAt);
    }

    /** The answer of {@code GET /api/conversations?handle=}. */
    public record ConversationList(List<Conversation> conversations) {
    }
}
