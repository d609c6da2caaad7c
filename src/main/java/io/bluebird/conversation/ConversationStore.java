package io.bluebird.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.Author;
import io.bluebird.model.Conversation;
import io.bluebird.model.SocialMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Conversations and their messages in the database; SQL only, no decisions. */
@Repository
public class ConversationStore {

    static final String OPEN = "open";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ConversationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredMessage> findMessage(String id) {
        return jdbc.query("select * from message where id = ?", this::storedMessage, id).stream().findFirst();
    }

    Optional<Conversation> findOpen(String channel, String account, String authorId) {
        return jdbc.query("""
                select * from conversation where channel = ? and account = ? and author_id = ? and status = ?
                order by created_at desc""", this::conversationWithoutMessages, channel, account, authorId, OPEN)
                .stream().findFirst();
    }

    public Optional<Conversation> find(String id) {
        return jdbc.query("select * from conversation where id = ?", this::conversationWithoutMessages, id)
                .stream().findFirst().map(this::withMessages);
    }

    public List<Conversation> findByHandle(String handle) {
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        return jdbc.query("select * from conversation where lower(author_handle) = lower(?) order by created_at",
                this::conversationWithoutMessages, bare).stream().map(this::withMessages).toList();
    }

    public Optional<String> helpdeskOf(String conversationId) {
        return jdbc.queryForList("select helpdesk from conversation where id = ?", String.class, conversationId)
                .stream().findFirst();
    }

    public Optional<String> ticketIdOf(String conversationId) {
        return jdbc.queryForList("select helpdesk_ticket_id from conversation where id = ?", String.class,
                conversationId).stream().filter(id -> id != null).findFirst();
    }

    void insertConversation(String id, SocialMessage first, String helpdesk, Instant now) {
        jdbc.update("""
                insert into conversation (id, channel, account, author_id, author_handle, author_name, status, helpdesk,
                                          created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, first.channel(), first.account(), first.customer().id(), first.customer().handle(),
                first.customer().name(), OPEN, helpdesk, utc(now), utc(now));
    }

    /** {@code deliveredAt} is set for what needs no ticket event (the hub's own sends), null otherwise. */
    void insertMessage(SocialMessage message, String conversationId, String eventId, Instant now, Instant deliveredAt) {
        jdbc.update("""
                insert into message (id, conversation_id, direction, visibility, body, created_at, received_at, event_id,
                                     delivered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                message.id(), conversationId, message.direction().name().toLowerCase(),
                message.visibility().name().toLowerCase(), toJson(message), utc(message.createdAt()), utc(now), eventId,
                utc(deliveredAt));
        jdbc.update("update conversation set updated_at = ? where id = ?", utc(now), conversationId);
    }

    /** The conversation's messages, oldest first, up to and including the one with sequence number {@code seq}. */
    List<SocialMessage> history(String conversationId, long upToSeq) {
        return jdbc.query("select body from message where conversation_id = ? and seq <= ? order by seq",
                (rs, i) -> fromJson(rs.getString("body")), conversationId, upToSeq);
    }

    public boolean isDelivered(String eventId) {
        return !jdbc.queryForList("select 1 from message where event_id = ? and delivered_at is not null",
                Integer.class, eventId).isEmpty();
    }

    public void markDelivered(String eventId, Instant at) {
        jdbc.update("update message set delivered_at = ? where event_id = ? and delivered_at is null", utc(at), eventId);
    }

    public void setTicket(String conversationId, String helpdesk, String ticketId) {
        jdbc.update("update conversation set helpdesk = ?, helpdesk_ticket_id = ? where id = ?",
                helpdesk, ticketId, conversationId);
    }

    private Conversation withMessages(Conversation c) {
        List<SocialMessage> messages = jdbc.query("select body from message where conversation_id = ? order by seq",
                (rs, i) -> fromJson(rs.getString("body")), c.id());
        return new Conversation(c.id(), c.channel(), c.account(), c.customer(), c.status(), c.helpdesk(),
                c.helpdeskTicketId(), c.createdAt(), c.updatedAt(), messages);
    }

    private Conversation conversationWithoutMessages(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("channel"), rs.getString("account"),
                new Author(rs.getString("author_id"), rs.getString("author_handle"), rs.getString("author_name"),
                        null, null),
                rs.getString("status"), rs.getString("helpdesk"), rs.getString("helpdesk_ticket_id"),
                instant(rs, "created_at"), instant(rs, "updated_at"), List.of());
    }

    private StoredMessage storedMessage(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(fromJson(rs.getString("body")), rs.getLong("seq"), rs.getString("conversation_id"),
                rs.getString("event_id"), instant(rs, "received_at"), instant(rs, "delivered_at"));
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
