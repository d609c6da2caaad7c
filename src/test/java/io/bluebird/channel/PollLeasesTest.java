package io.bluebird.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two hubs on one (in-memory H2) database, migrated by the hub's own Flyway scripts, sharing a poller. */
class PollLeasesTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    final JdbcTemplate jdbc;

    PollLeasesTest() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:leases-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        jdbc = new JdbcTemplate(db);
    }

    PollLeases hub(String name, Instant at) {
        return new PollLeases(jdbc, Clock.fixed(at, ZoneOffset.UTC), Duration.ofMinutes(2), name);
    }

    @Test
    void oneHubPollsUntilItStopsThenAnotherTakesOver() {
        assertThat(hub("a", T0).holds("x.mentions")).isTrue();
        assertThat(hub("b", T0.plusSeconds(30)).holds("x.mentions")).as("a holds it").isFalse();
        assertThat(hub("a", T0.plusSeconds(60)).holds("x.mentions")).as("a renews it").isTrue();
        assertThat(hub("b", T0.plusSeconds(150)).holds("x.mentions")).as("renewed at 60 s, held till 180 s").isFalse();
        assertThat(hub("b", T0.plusSeconds(181)).holds("x.mentions")).as("a stopped: b takes over").isTrue();
        assertThat(hub("a", T0.plusSeconds(200)).holds("x.mentions")).isFalse();
        assertThat(hub("a", T0.plusSeconds(200)).holds("bluesky.chats")).as("each poller has its own lease").isTrue();
    }
}
