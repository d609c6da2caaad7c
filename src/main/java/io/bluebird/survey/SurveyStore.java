package io.bluebird.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Surveys in the database; SQL only. */
@Repository
public class SurveyStore {

    private final JdbcTemplate jdbc;

    public SurveyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsFor(String conversationId) {
        return !jdbc.queryForList("select 1 from survey where conversation_id = ?", Integer.class, conversationId)
                .isEmpty();
    }

    /** The customer's latest survey on this channel account, answered or not. */
    Optional<Survey> latestFor(String channel, String account, String customerId) {
        return jdbc.query("""
                select * from survey where channel = ? and account = ? and customer_id = ?
                order by sent_at desc""", SurveyStore::survey, channel, account, customerId).stream().findFirst();
    }

    Optional<Survey> forConversation(String conversationId) {
        return jdbc.query("select * from survey where conversation_id = ?", SurveyStore::survey, conversationId)
                .stream().findFirst();
    }

    void insert(Survey s) {
        jdbc.update("""
                insert into survey (id, conversation_id, channel, account, customer_id, helpdesk, type, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", s.id(), s.conversationId(), s.channel(), s.account(),
                s.customerId(), s.helpdesk(), s.type().value(), utc(s.sentAt()));
    }

    /** Records the score unless the survey has one already; true for the caller that recorded it. */
    boolean answer(String id, int score, String messageId, Instant at) {
        return jdbc.update("""
                update survey set score = ?, answer_message_id = ?, answered_at = ?
                where id = ? and answered_at is null""", score, messageId, utc(at), id) == 1;
    }

    boolean comment(String id, String comment, String messageId) {
        return jdbc.update("""
                update survey set comment = ?, comment_message_id = ? where id = ? and comment is null""",
                comment, messageId, id) == 1;
    }

    /** Sent and answered surveys, and the scores, per channel, helpdesk and type, of surveys sent in [from, to). */
    List<SurveySummary.Row> summary(Instant from, Instant to) {
        return jdbc.query("""
                select channel, coalesce(helpdesk, '') as helpdesk, type, count(*) as sent, count(score) as answered,
                       avg(cast(score as double precision)) as average,
                       sum(case when score >= 9 then 1 else 0 end) as promoters,
                       sum(case when score <= 6 then 1 else 0 end) as detractors,
                       sum(case when score >= 4 then 1 else 0 end) as satisfied
                from survey where sent_at >= ? and sent_at < ?
                group by channel, coalesce(helpdesk, ''), type order by channel, helpdesk, type""",
                (rs, i) -> SurveySummary.Row.of(rs.getString("channel"), rs.getString("helpdesk"),
                        SurveyType.of(rs.getString("type")), rs.getLong("sent"), rs.getLong("answered"),
                        rs.getObject("average") == null ? null : rs.getDouble("average"), rs.getLong("promoters"),
                        rs.getLong("detractors"), rs.getLong("satisfied")),
                utc(from), utc(to));
    }

    private static Survey survey(ResultSet rs, int row) throws SQLException {
        return new Survey(rs.getString("id"), rs.getString("conversation_id"), rs.getString("channel"),
                rs.getString("account"), rs.getString("customer_id"), rs.getString("helpdesk"),
                SurveyType.of(rs.getString("type")), instant(rs, "sent_at"), instant(rs, "answered_at"),
                (Integer) rs.getObject("score"), rs.getString("answer_message_id"), rs.getString("comment"),
                rs.getString("comment_message_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
