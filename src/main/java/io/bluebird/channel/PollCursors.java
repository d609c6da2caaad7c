package io.bluebird.channel;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each poller got to, by name (e.g. {@code x.mentions}, {@code mastodon.notifications}), kept in the
 * database so a restarted hub goes on from there instead of importing everything again.
 */
@Component("pollCursors")
public class PollCursors {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PollCursors(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The position saved under {@code name}, or null before the first poll. */
    public String get(String name) {
        return jdbc.queryForList("select position from poll_cursor where name = ?", String.class, name)
                .stream().findFirst().orElse(null);
    }

    /** Saves the position; null or blank (an empty page) keeps the one saved. */
    public void set(String name, String position) {
        if (position == null || position.isBlank()) {
            return;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        if (jdbc.update("update poll_cursor set position = ?, updated_at = ? where name = ?", position, now, name) == 0) {
            jdbc.update("insert into poll_cursor (name, position, updated_at) values (?, ?, ?)", name, position, now);
        }
    }
}
