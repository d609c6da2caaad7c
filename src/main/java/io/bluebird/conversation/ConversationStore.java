package io.bluebird.conversation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.Author;
import io.bluebird.model.Conversation;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.QuickReply;
import io.bluebird.model.SocialMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Conversations and their messages in the database; SQL only, no decisions. Its one door is {@link Conversations}. */
@Repository
class ConversationStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ConversationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredMessage> findMessage(String id) {
        return jdbc.query("""
                select m.*, d.delivered_at from message m left join delivered_event d on d.event_id = m.event_id
                where m.id = ?""", this::storedMessage, id).stream().findFirst();
    }

    /** The customer's most recent conversation on this channel account, open or solved. */
    Optional<Conversation> findLatest(String channel, String account, String customerId) {
        return jdbc.query("""
                select * from conversation where channel = ? and account = ? and author_id = ?
                order by created_at desc""", this::conversationWithoutMessages, channel, account, customerId)
                .stream().findFirst();
    }

    Optional<Conversation> find(String id) {
        return findWithoutMessages(id).map(this::withMessages);
    }

    /** The conversation's state alone, for the stages that need no history: as cheap for a long one as for a new one. */
    Optional<Conversation> findWithoutMessages(String id) {
        return jdbc.query("select * from conversation where id = ?", this::conversationWithoutMessages, id)
                .stream().findFirst();
    }

    /** The conversation's first message. */
    SocialMessage firstMessage(String conversationId) {
        return jdbc.query("select body from message where conversation_id = ? order by seq fetch first 1 rows only",
                (rs, i) -> fromJson(rs.getString("body")), conversationId).get(0);
    }

    /** Whether this message (its sequence number) is the conversation's first: its event creates the ticket. */
    boolean isFirst(String conversationId, long seq) {
        return jdbc.queryForList("select 1 from message where conversation_id = ? and seq < ? fetch first 1 rows only",
                Integer.class, conversationId, seq).isEmpty();
    }

    List<Conversation> findByHandle(String handle) {
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        return jdbc.query("select * from conversation where lower(author_handle) = lower(?) order by created_at",
                this::conversationWithoutMessages, bare).stream().map(this::withMessages).toList();
    }

    boolean hasOpen(String channel, String account, String customerId) {
        return !jdbc.queryForList("select 1 from conversation where open_key = ?", Integer.class,
                channel + "|" + account + "|" + customerId).isEmpty();
    }

    /** Every conversation of one customer on one channel account, oldest first, with their messages. */
    List<Conversation> findByCustomer(String channel, String account, String customerId) {
        return jdbc.query("select * from conversation where channel = ? and account = ? and author_id = ?"
                + " order by created_at", this::conversationWithoutMessages, channel, account, customerId).stream()
                .map(this::withMessages).toList();
    }

    /** Every conversation of a channel user, on any of the brand's accounts on that channel. */
    List<Conversation> findByCustomerOnChannel(String channel, String customerId) {
        return jdbc.query("select * from conversation where channel = ? and author_id = ? order by created_at",
                this::conversationWithoutMessages, channel, customerId).stream().map(this::withMessages).toList();
    }

    /** The conversation's ticket and the tags the hub put on it, or empty when it has no ticket yet. */
    Optional<HelpdeskTicket> ticketOf(String conversationId) {
        return jdbc.query("select helpdesk_ticket_id, ticket_tags from conversation where id = ?",
                (rs, row) -> rs.getString("helpdesk_ticket_id") == null ? null
                        : new HelpdeskTicket(rs.getString("helpdesk_ticket_id"), tags(rs.getString("ticket_tags"))),
                conversationId).stream().filter(ticket -> ticket != null).findFirst();
    }

    /** Fails with a DuplicateKeyException when the customer already has an open conversation on the account. */
    void insertConversation(String id, SocialMessage first, String subject, Instant now) {
        jdbc.update("""
                insert into conversation (id, channel, account, author_id, author_handle, author_name, status, helpdesk,
                                          open_key, created_at, updated_at, subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, first.channel(), first.account(), first.customer().id(), first.customer().handle(),
                first.customer().name(), Conversation.OPEN, null,
                openKey(first.channel(), first.account(), first.customer().id()), utc(now), utc(now), subject);
    }

    void reopen(Conversation conversation, Instant now) {
        jdbc.update("update conversation set status = ?, solved_at = null, open_key = ?, updated_at = ? where id = ?",
                Conversation.OPEN, openKey(conversation.channel(), conversation.account(), conversation.customer().id()),
                utc(now), conversation.id());
    }

    void solve(String conversationId, Instant at) {
        jdbc.update("update conversation set status = ?, solved_at = ?, open_key = null, updated_at = ? where id = ?",
                Conversation.SOLVED, utc(at), utc(at), conversationId);
    }

    /** Records the customer's choice from the welcome message, unless they already made one. */
    void setChoice(String conversationId, String choice) {
        jdbc.update("update conversation set choice = ? where id = ? and choice is null", choice, conversationId);
    }

    void setPriority(String conversationId, Priority priority, String rule) {
        jdbc.update("update conversation set priority = ?, priority_rule = ? where id = ?",
                priority.name().toLowerCase(), rule, conversationId);
    }

    /** True for the one caller that marks the conversation acknowledged; false when it already was. */
    boolean markAcknowledged(String conversationId, Instant at) {
        return jdbc.update("update conversation set acknowledged_at = ? where id = ? and acknowledged_at is null",
                utc(at), conversationId) == 1;
    }

    private static String openKey(String channel, String account, String customerId) {
        return channel + "|" + account + "|" + customerId;
    }

    /**
     * Stores the message and returns its sequence number in the conversation; {@code deliveredAt} is set for what
     * needs no ticket event (the hub's own sends), null otherwise.
     */
    long insertMessage(SocialMessage message, String conversationId, String eventId, Instant now, Instant deliveredAt) {
        KeyHolder seq = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into message (id, conversation_id, direction, visibility, body, created_at, received_at,
                                         event_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"seq"});
            insert.setString(1, message.id());
            insert.setString(2, conversationId);
            insert.setString(3, message.direction().name().toLowerCase());
            insert.setString(4, message.visibility().name().toLowerCase());
            insert.setString(5, toJson(message));
            insert.setObject(6, utc(message.createdAt()));
            insert.setObject(7, utc(now));
            insert.setString(8, eventId);
            return insert;
        }, seq);
        if (deliveredAt != null) {
            markDelivered(eventId, deliveredAt);
        }
        if (message.direction() == Direction.IN) {
            Author customer = message.author();
            jdbc.update("""
                    update conversation set updated_at = ?, author_handle = coalesce(?, author_handle),
                           author_name = coalesce(?, author_name), author_followers = coalesce(?, author_followers),
                           waiting_since = coalesce(waiting_since, ?)
                    where id = ?""", utc(now), customer.handle(), customer.name(), customer.followers(),
                    utc(message.createdAt()), conversationId);
        } else {
            jdbc.update("update conversation set updated_at = ?, waiting_since = null where id = ?", utc(now),
                    conversationId);
        }
        return seq.getKeyAs(Number.class).longValue();
    }

    /** The conversation's messages, oldest first, up to and including the one with sequence number {@code seq}. */
    List<SocialMessage> history(String conversationId, long upToSeq) {
        return jdbc.query("select body from message where conversation_id = ? and seq <= ? order by seq",
                (rs, i) -> fromJson(rs.getString("body")), conversationId, upToSeq);
    }

    boolean hasMessage(String id) {
        return !jdbc.queryForList("select 1 from message where id = ?", Integer.class, id).isEmpty();
    }

    boolean isDelivered(String eventId) {
        return !jdbc.queryForList("select 1 from delivered_event where event_id = ?", Integer.class, eventId)
                .isEmpty();
    }

    /** Records that the event's helpdesk has it; the first time counts. */
    void markDelivered(String eventId, Instant at) {
        if (eventId == null) {
            return;
        }
        jdbc.update("""
                insert into delivered_event (event_id, delivered_at) select ?, ?
                where not exists (select 1 from delivered_event where event_id = ?)""", eventId, utc(at), eventId);
    }

    /**
     * The conversation's messages after the one that caused {@code eventId}, oldest first and at most {@code limit},
     * whose events their helpdesk does not have yet and that no call carries, or only that of {@code eventId}.
     */
    List<WaitingMessage> waitingAfter(String conversationId, String eventId, int limit) {
        return jdbc.query("""
                select m.event_id, m.body, j.joined_into,
                       case when exists (select 1 from survey s where s.conversation_id = m.conversation_id
                                         and m.id in (s.answer_message_id, s.comment_message_id)) then true
                            else false end as survey_answer
                from message m left join joined_event j on j.event_id = m.event_id
                where m.conversation_id = ? and m.seq > (select seq from message where event_id = ?)
                  and not exists (select 1 from delivered_event d where d.event_id = m.event_id)
                  and (j.joined_into is null or j.joined_into = ?)
                order by m.seq limit ?""", this::waitingMessage, conversationId, eventId, eventId, limit);
    }

    /** Records that the messages of {@code joinedEventIds} go in the helpdesk call of {@code eventId}. */
    void join(String eventId, List<String> joinedEventIds) {
        jdbc.batchUpdate("insert into joined_event (event_id, joined_into) values (?, ?)",
                joinedEventIds.stream().map(joined -> new Object[] {joined, eventId}).toList());
    }

    /** The event whose call, which its helpdesk has, carried this event's message; empty when none did. */
    Optional<String> deliveredWith(String eventId) {
        return jdbc.queryForList("""
                select j.joined_into from joined_event j join delivered_event d on d.event_id = j.joined_into
                where j.event_id = ?""", String.class, eventId).stream().findFirst();
    }

    /** Remembers the choices just offered in the conversation, replacing any earlier offer. */
    void offerChoices(String conversationId, List<QuickReply> choices, Instant at) {
        try {
            jdbc.update("update conversation set offered_choices = ?, offered_at = ? where id = ?",
                    json.writeValueAsString(choices), utc(at), conversationId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the choices offered in " + conversationId, e);
        }
    }

    /** The choices last offered in the conversation and not answered yet; empty when there are none. */
    List<QuickReply> offeredChoices(String conversationId) {
        return jdbc.queryForList("select offered_choices from conversation where id = ? and offered_choices is not null",
                String.class, conversationId).stream().findFirst().map(this::choicesFromJson).orElse(List.of());
    }

    void clearOfferedChoices(String conversationId) {
        jdbc.update("update conversation set offered_choices = null, offered_at = null where id = ?", conversationId);
    }

    private List<QuickReply> choicesFromJson(String text) {
        try {
            return List.of(json.readValue(text, QuickReply[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable offered choices", e);
        }
    }

    /** When the customer last wrote in the conversation (the channel's messaging window runs from there). */
    Optional<Instant> lastMessageFromCustomer(String conversationId) {
        return jdbc.queryForList("""
                select max(created_at) from message where conversation_id = ? and direction = 'in'""",
                OffsetDateTime.class, conversationId).stream().filter(Objects::nonNull).findFirst()
                .map(OffsetDateTime::toInstant);
    }

    /** The conversation (the latest, if a ticket was ever reused) that has this helpdesk ticket. */
    Optional<Conversation> findByTicket(String helpdesk, String ticketId) {
        return jdbc.query("select * from conversation where helpdesk = ? and helpdesk_ticket_id = ?"
                + " order by created_at desc", this::conversationWithoutMessages, helpdesk, ticketId).stream()
                .findFirst();
    }

    /** Sets the helpdesk unless one is set already (the first caller wins). */
    void assignHelpdesk(String conversationId, String helpdesk) {
        jdbc.update("update conversation set helpdesk = ? where id = ? and helpdesk is null", helpdesk, conversationId);
    }

    void setTicket(String conversationId, String helpdesk, String ticketId, List<String> tags) {
        jdbc.update("update conversation set helpdesk = ?, helpdesk_ticket_id = ?, ticket_tags = ? where id = ?",
                helpdesk, ticketId, String.join("\n", tags), conversationId);
    }

    /** Remembers that the conversation's ticket now also has these tags. */
    void addTicketTags(String conversationId, List<String> tags) {
        jdbc.update("update conversation set ticket_tags = concat(coalesce(ticket_tags || ?, ''), ?) where id = ?",
                "\n", String.join("\n", tags), conversationId);
    }

    private static List<String> tags(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    private Conversation withMessages(Conversation c) {
        return c.withMessages(jdbc.query("select body from message where conversation_id = ? order by seq",
                (rs, i) -> fromJson(rs.getString("body")), c.id()));
    }

    private Conversation conversationWithoutMessages(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        Long followers = rs.getObject("author_followers", Long.class);
        return new Conversation(rs.getString("id"), rs.getString("channel"), rs.getString("account"),
                new Author(rs.getString("author_id"), rs.getString("author_handle"), rs.getString("author_name"),
                        followers, null),
                rs.getString("status"), rs.getString("helpdesk"), rs.getString("helpdesk_ticket_id"),
                priority == null ? null : Priority.valueOf(priority.toUpperCase()), rs.getString("priority_rule"),
                rs.getString("choice"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "solved_at"), rs.getString("subject"), instant(rs, "waiting_since"), List.of());
    }

    private StoredMessage storedMessage(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(fromJson(rs.getString("body")), rs.getLong("seq"), rs.getString("conversation_id"),
                rs.getString("event_id"), instant(rs, "received_at"), instant(rs, "delivered_at"));
    }

    private WaitingMessage waitingMessage(ResultSet rs, int row) throws SQLException {
        return new WaitingMessage(rs.getString("event_id"), fromJson(rs.getString("body")),
                rs.getString("joined_into"), rs.getBoolean("survey_answer"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String toJson(SocialMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store message " + message.id(), e);
        }
    }

    private SocialMessage fromJson(String body) {
        try {
            return json.readValue(body, SocialMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored message is not a SocialMessage", e);
        }
    }

}
