package io.bluebird.channel;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One poller per channel across all hub instances sharing the database: before each poll, an instance takes or
 * renews the poller's lease; while another instance holds an unexpired lease, it does not poll. When the holder
 * stops, its lease runs out ({@code bluebird.poll.lease}) and the next instance to poll takes over. Message ids keep
 * two pollers from making two tickets anyway; the lease keeps them from spending the channel's API calls twice.
 */
@Component("pollLeases")
public class PollLeases {

    private static final Logger log = LoggerFactory.getLogger(PollLeases.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String holder;

    @Autowired
    public PollLeases(JdbcTemplate jdbc, Clock clock, PollSettings poll) {
        this(jdbc, clock, poll.lease(), ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    PollLeases(JdbcTemplate jdbc, Clock clock, Duration lease, String holder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.holder = holder;
    }

    /** True when this instance holds (and has just renewed) the lease of the poller {@code name}. */
    public boolean holds(String name) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var until = now.plus(lease);
        if (jdbc.update("update poll_lease set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at < ?)",
                holder, until, name, holder, now) == 1) {
            return true;
        }
        try {
            jdbc.update("insert into poll_lease (name, holder, expires_at) values (?, ?, ?)", name, holder, until);
            log.info("This hub ({}) polls {}", holder, name);
            return true;
        } catch (DataIntegrityViolationException held) {
            return false;
        }
    }
}
