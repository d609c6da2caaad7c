package io.bluebird.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.bluebird.model.Author;
import io.bluebird.model.Conversation;
import io.bluebird.model.Direction;
import io.bluebird.model.InvalidInput;
import io.bluebird.model.NotFound;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.QuickReply;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;
import io.bluebird.model.Visibility;
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

    /** Payloads of the welcome message's choices start with this; what follows is recorded as the choice. */
    public static final String CHOICE_PREFIX = "choice:";

    private final ConversationStore store;
    private final Clock clock;
    private final Duration reopenWindow;
    private final boolean historyOnEveryEvent;

    public Conversations(ConversationStore store, Clock clock, ConversationSettings conversations,
                         TicketSettings tickets) {
        this.store = store;
        this.clock = clock;
        this.reopenWindow = conversations.reopenWindow();
        this.historyOnEveryEvent = tickets.history() == TicketSettings.History.ALWAYS;
    }

    /**
     * Whether the message was stored before: then its ticket event may be on the delivery queue already (another copy
     * of the message was processed), and is sent again as a repeat.
     */
    public boolean isStored(SocialMessage message) {
        return store.hasMessage(message.id());
    }

    /**
     * Stores the message and returns the ticket event to send to the helpdesk; null when the message is a duplicate
     * whose event the helpdesk already has, or a copy of one this same transaction stored (its event goes with it). A
     * message stored before whose event never reached the helpdesk (the hub stopped in between) gives the same event
     * again: the message table is the idempotent repository, and it only drops what is safely delivered.
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
            if (StoredInThisTransaction.contains(message.id())) {
                log.info("Dropped copy of message {}: its first copy, earlier in this batch, sends ticket event {}",
                        message.id(), stored.eventId());
                return null;
            }
            log.info("Message {} was stored before but its ticket event {} is not delivered yet: sending it again",
                    message.id(), stored.eventId());
            return eventFor(stored.conversationId(), stored.message(), stored.seq(), stored.receivedAt(),
                    store.isFirst(stored.conversationId(), stored.seq()));
        }
        Instant now = clock.instant();
        Thread thread = thread(message, now);
        message = withNumberedChoice(message, thread.conversationId());
        long seq = store.insertMessage(message, thread.conversationId(), TicketEvents.eventIdOf(message.id()), now,
                null);
        StoredInThisTransaction.add(message.id());
        if (message.direction() == Direction.IN && message.quickReplyPayload() != null
                && message.quickReplyPayload().startsWith(CHOICE_PREFIX)) {
            store.setChoice(thread.conversationId(), message.quickReplyPayload().substring(CHOICE_PREFIX.length()));
        }
        TicketEvent event = eventFor(thread.conversationId(), message, seq, now, thread.started() || thread.reopened());
        return thread.reopened() ? event.withTags(List.of(TicketTags.REOPENED)) : event;
    }

    /**
     * The conversation a new message joins: the customer's open one; their solved one, reopened, while it is
     * within the reopen window; otherwise a new one. Two first messages of one customer processed at once both try
     * to create it: the second fails on the open_key index and is processed again, into the first's conversation.
     */
    private Thread thread(SocialMessage message, Instant now) {
        Optional<Conversation> latest = store.findLatest(message.channel(), message.account(),
                message.customer().id());
        if (latest.isPresent() && Conversation.OPEN.equals(latest.get().status())) {
            return new Thread(latest.get().id(), false, false);
        }
        if (latest.isPresent() && latest.get().solvedAt() != null
                && now.isBefore(latest.get().solvedAt().plus(reopenWindow))) {
            store.reopen(latest.get(), now);
            log.info("Conversation {} reopened by message {}", latest.get().id(), message.id());
            return new Thread(latest.get().id(), false, true);
        }
        String id = UUID.randomUUID().toString();
        store.insertConversation(id, message, TicketEvents.subject(message), now);
        return new Thread(id, true, false);
    }

    /** The conversation a message joins, and whether the message started it or reopened it. */
    private record Thread(String conversationId, boolean started, boolean reopened) {
    }

    /**
     * A customer's reply of just the number of a choice the hub offered (on X and Bluesky, which have no buttons)
     * is that choice: it gets the choice's payload, as a tapped quick reply would. The offer is then used up.
     */
    private SocialMessage withNumberedChoice(SocialMessage message, String conversationId) {
        if (message.direction() != Direction.IN || message.quickReplyPayload() != null) {
            return message;
        }
        List<QuickReply> offered = store.offeredChoices(conversationId);
        return NumberedChoices.match(message.text(), offered).map(payload -> {
            store.clearOfferedChoices(conversationId);
            return new SocialMessage(message.id(), message.channel(), message.visibility(), message.direction(),
                    message.nativeId(), message.account(), message.author(), message.recipient(), message.text(),
                    message.inReplyTo(), payload, message.attachments(), message.createdAt());
        }).orElse(message);
    }

    /** The ticket is solved: the next message within the reopen window reopens it, a later one starts anew. */
    @Transactional
    public void solve(String conversationId) {
        get(conversationId);
        store.solve(conversationId, clock.instant());
    }

    /**
     * Records what the hub itself sent on a channel, under the id the channel gave it, as already delivered: the
     * helpdesk has it (it is the agent's reply, or needs no ticket), and when the channel echoes it back the echo is
     * a duplicate and dropped.
     */
    @Transactional
    public SocialMessage recordSent(OutboundMessage sent, String nativeId) {
        Conversation conversation = store.findWithoutMessages(sent.conversationId())
                .orElseThrow(() -> new IllegalStateException("no conversation " + sent.conversationId()));
        Instant now = clock.instant();
        SocialMessage message = new SocialMessage(SocialMessage.idOf(sent.channel(), sent.visibility(), nativeId),
                sent.channel(), sent.visibility(), Direction.OUT, nativeId, conversation.account(),
                new Author(conversation.account(), null, null, null, null), conversation.customer(), sent.text(),
                sent.inReplyTo(), null, List.of(), now);
        if (store.findMessage(message.id()).isEmpty()) {
            store.insertMessage(message, conversation.id(), TicketEvents.eventIdOf(message.id()), now, now);
        }
        if (!sent.quickReplies().isEmpty()) {
            store.offerChoices(conversation.id(), sent.quickReplies(), now);
        }
        return message;
    }

    /**
     * Stores a survey answer on the conversation it rates without reopening it (an answer is not a new request), and
     * returns the event that carries it to the ticket; null when that event was delivered before (a redelivered answer).
     */
    @Transactional
    public TicketEvent recordSurveyAnswer(SocialMessage answer, String conversationId) {
        Optional<StoredMessage> seen = store.findMessage(answer.id());
        if (seen.isPresent()) {
            return seen.get().deliveredAt() != null ? null
                    : eventFor(seen.get().conversationId(), seen.get().message(), seen.get().seq(),
                    seen.get().receivedAt(), false);
        }
        Instant now = clock.instant();
        long seq = store.insertMessage(answer, conversationId, TicketEvents.eventIdOf(answer.id()), now, null);
        return eventFor(conversationId, answer, seq, now, false);
    }

    /**
     * An internal note for the conversation's ticket (a reply the channel would not take, say), stored with the
     * conversation and returned as the ticket event that carries it to the helpdesk.
     */
    @Transactional
    public TicketEvent recordNote(String conversationId, String text) {
        Conversation conversation = store.findWithoutMessages(conversationId)
                .orElseThrow(() -> new IllegalStateException("no conversation " + conversationId));
        Instant now = clock.instant();
        String nativeId = "note-" + UUID.randomUUID();
        SocialMessage note = new SocialMessage(SocialMessage.idOf(conversation.channel(), Visibility.PRIVATE, nativeId),
                conversation.channel(), Visibility.PRIVATE, Direction.OUT, nativeId, conversation.account(),
                new Author("bluebird", null, "Bluebird", null, null), conversation.customer(), text, null, null,
                List.of(), now);
        long seq = store.insertMessage(note, conversationId, TicketEvents.eventIdOf(note.id()), now, null);
        return eventFor(conversationId, note, seq, now, false);
    }

    public Conversation get(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no conversation with id " + id));
    }

    public ConversationList byHandle(String handle) {
        if (handle == null || handle.isBlank()) {
            throw new InvalidInput("handle", "'handle' is required: GET /api/conversations?handle=jdoe");
        }
        return new ConversationList(store.findByHandle(handle.strip()));
    }

    /**
     * The event of the conversation's message {@code seq}: with the whole history up to it when it creates or reopens
     * the ticket (or when every event must carry it), otherwise with the message alone, at a cost that does not grow
     * with the conversation.
     */
    private TicketEvent eventFor(String conversationId, SocialMessage message, long seq, Instant occurredAt,
                                 boolean withHistory) {
        if (withHistory || historyOnEveryEvent) {
            return TicketEvents.of(conversationId, store.ticketIdOf(conversationId).orElse(null),
                    store.history(conversationId, seq), occurredAt);
        }
        Conversation conversation = store.findWithoutMessages(conversationId).orElseThrow();
        String subject = conversation.subject() != null ? conversation.subject()
                : TicketEvents.subject(store.firstMessage(conversationId));
        return TicketEvents.later(conversationId, conversation.helpdeskTicketId(), subject, conversation.customer(),
                message, occurredAt);
    }

    /** The answer of {@code GET /api/conversations?handle=}. */
    public record ConversationList(List<Conversation> conversations) {
    }
}
