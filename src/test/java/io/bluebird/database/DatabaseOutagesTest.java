package io.bluebird.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DatabaseOutagesTest {

    private final DatabaseOutages outages = new DatabaseOutages();

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutage() {
        // Hikari's pool after its connection-timeout, as JdbcTemplate and a @Transactional method see it
        assertThat(outages.isOutage(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))).isTrue();
        assertThat(outages.isOutage(new RuntimeCamelException(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))).isTrue();
    }

    @Test
    void aServerGoingAwayUnderAnOpenConnectionIsAnOutage() {
        // PostgreSQL's "terminating connection due to administrator command", and an I/O error on commit
        assertThat(outages.isOutage(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(outages.isOutage(new IllegalStateException(
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(outages.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesIsNoOutage() {
        assertThat(outages.isOutage(new DuplicateKeyException("conversation_open_key"))).isFalse();
        assertThat(outages.isOutage(new DataIntegrityViolationException("invalid byte sequence",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isFalse();
        assertThat(outages.isOutage(new IllegalStateException("stored message is not a SocialMessage"))).isFalse();
        assertThat(outages.isOutage(null)).isFalse();
    }

    @Test
    void anOutageIsWaitedOutInPlaceOnlyOutsideABatchsTransactionWhoseConnectionWentWithTheDatabase() {
        CannotGetJdbcConnectionException away = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        assertThat(outages.canWaitOut(away)).isTrue();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(outages.canWaitOut(away)).isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(outages.canWaitOut(new DuplicateKeyException("conversation_open_key"))).isFalse();
    }
}
