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
import io.bluebird.model.Priority;
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
     * again: the message table is the idempotent repository, and it only drops what is safely delivered. The
     * conversation comes with it as the message left it, for the stages that decide from its state.
     */
    @Transactional
    public RecordedMessage record(SocialMessage message) {
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
            Conversation conversation = state(stored.conversationId());
            return new RecordedMessage(eventFor(conversation, stored.message(), stored.seq(), stored.receivedAt(),
                    store.isFirst(stored.conversationId(), stored.seq())), conversation);
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
        Conversation conversation = state(thread.conversationId());
        TicketEvent event = eventFor(conversation, message, seq, now, thread.started() || thread.reopened());
        return new RecordedMessage(thread.reopened() ? event.withTags(List.of(TicketTags.REOPENED)) : event,
                conversation);
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
        Conversation conversation = state(sent.conversationId());
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
                    : eventFor(state(seen.get().conversationId()), seen.get().message(), seen.get().seq(),
                    seen.get().receivedAt(), false);
        }
        Instant now = clock.instant();
        long seq = store.insertMessage(answer, conversationId, TicketEvents.eventIdOf(answer.id()), now, null);
        return eventFor(state(conversationId), answer, seq, now, false);
    }

    /**
     * An internal note for the conversation's ticket (a reply the channel would not take, say), stored with the
     * conversation and returned as the ticket event that carries it to the helpdesk.
     */
    @Transactional
    public TicketEvent recordNote(String conversationId, String text) {
        Conversation conversation = state(conversationId);
        Instant now = clock.instant();
        String nativeId = "note-" + UUID.randomUUID();
        SocialMessage note = new SocialMessage(SocialMessage.idOf(conversation.channel(), Visibility.PRIVATE, nativeId),
                conversation.channel(), Visibility.PRIVATE, Direction.OUT, nativeId, conversation.account(),
                new Author("bluebird", null, "Bluebird", null, null), conversation.customer(), text, null, null,
                List.of(), now);
        long seq = store.insertMessage(note, conversationId, TicketEvents.eventIdOf(note.id()), now, null);
        return eventFor(state(conversationId), note, seq, now, false);
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
    private TicketEvent eventFor(Conversation conversation, SocialMessage message, long seq, Instant occurredAt,
                                 boolean withHistory) {
        if (withHistory || historyOnEveryEvent) {
            return TicketEvents.of(conversation.id(), conversation.helpdeskTicketId(),
                    store.history(conversation.id(), seq), occurredAt);
        }
        String subject = conversation.subject() != null ? conversation.subject()
                : TicketEvents.subject(store.firstMessage(conversation.id()));
        return TicketEvents.later(conversation.id(), conversation.helpdeskTicketId(), subject,
                conversation.customer(), message, occurredAt);
    }

    /** The conversation's state without its messages; it must exist (a message or event of it is at hand). */
    public Conversation state(String conversationId) {
        return store.findWithoutMessages(conversationId)
                .orElseThrow(() -> new IllegalStateException("no conversation " + conversationId));
    }

    /** The conversation's state without its messages, if it exists. */
    public Optional<Conversation> findState(String conversationId) {
        return store.findWithoutMessages(conversationId);
    }

    /** The conversation (the latest, if a ticket was ever reused) that has this helpdesk ticket; state only. */
    public Optional<Conversation> findByTicket(String helpdesk, String ticketId) {
        return store.findByTicket(helpdesk, ticketId);
    }

    /** Every conversation of one customer on one channel account, oldest first, with their messages. */
    public List<Conversation> findByCustomer(String channel, String account, String customerId) {
        return store.findByCustomer(channel, account, customerId);
    }

    /** Every conversation of a channel user, on any of the brand's accounts on that channel, with their messages. */
    public List<Conversation> findByCustomerOnChannel(String channel, String customerId) {
        return store.findByCustomerOnChannel(channel, customerId);
    }

    public boolean hasOpen(String channel, String account, String customerId) {
        return store.hasOpen(channel, account, customerId);
    }

    /** When the customer last wrote in the conversation (the channel's messaging window runs from there). */
    public Optional<Instant> lastMessageFromCustomer(String conversationId) {
        return store.lastMessageFromCustomer(conversationId);
    }

    public void setPriority(String conversationId, Priority priority, String rule) {
        store.setPriority(conversationId, priority, rule);
    }

    /** True for the one caller that marks the conversation acknowledged; false when it already was. */
    public boolean markAcknowledged(String conversationId, Instant at) {
        return store.markAcknowledged(conversationId, at);
    }

    /** Sets the helpdesk unless one is set already (the first caller wins). */
    public void assignHelpdesk(String conversationId, String helpdesk) {
        store.assignHelpdesk(conversationId, helpdesk);
    }

    // What the helpdesks have: the ticket of each conversation and the events delivered to it.

    /** The conversation's ticket and the tags the hub put on it, or empty when it has no ticket yet. */
    public Optional<HelpdeskTicket> ticketOf(String conversationId) {
        return store.ticketOf(conversationId);
    }

    public void setTicket(String conversationId, String helpdesk, String ticketId, List<String> tags) {
        store.setTicket(conversationId, helpdesk, ticketId, tags);
    }

    /** Remembers that the conversation's ticket now also has these tags. */
    public void addTicketTags(String conversationId, List<String> tags) {
        store.addTicketTags(conversationId, tags);
    }

    public boolean isDelivered(String eventId) {
        return store.isDelivered(eventId);
    }

    /** Records that the event's helpdesk has it; the first time counts. */
    public void markDelivered(String eventId, Instant at) {
        store.markDelivered(eventId, at);
    }

    /**
     * The conversation's messages after the one that caused {@code eventId}, oldest first and at most {@code limit},
     * whose events their helpdesk does not have yet and that no call carries, or only that of {@code eventId}.
     */
    public List<WaitingMessage> waitingAfter(String conversationId, String eventId, int limit) {
        return store.waitingAfter(conversationId, eventId, limit);
    }

    /** Records that the messages of {@code joinedEventIds} go in the helpdesk call of {@code eventId}. */
    public void join(String eventId, List<String> joinedEventIds) {
        store.join(eventId, joinedEventIds);
    }

    /** The event whose call, which its helpdesk has, carried this event's message; empty when none did. */
    public Optional<String> deliveredWith(String eventId) {
        return store.deliveredWith(eventId);
    }

    /** The answer of {@code GET /api/conversations?handle=}. */
    public record ConversationList(List<Conversation> conversations) {
    }
}
