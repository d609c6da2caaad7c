package io.bluebird.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a database that is away (stopped, restarting, unreachable, out of connections) from a message the database
 * refuses. The queue consumers wait out the first, however long, with the message in their transaction: an outage
 * must never spend the broker's delivery attempts and turn messages into dead letters.
 */
@Component("databaseOutages")
public class DatabaseOutages {

    /**
     * SQLSTATE classes of an unavailable server: 08 connection exception, 53 insufficient resources (too many
     * connections, disk full), 57P operator intervention (shutdown, crash, "the database system is starting up").
     */
    private static final Set<String> OUTAGE_STATES = Set.of("08", "53", "57P");

    /** True when {@code failure}, or anything that caused it, says the database cannot be reached or used now. */
    public boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An outage a step can wait out in place: not inside a transaction begun around it (the process stage's batch,
     * BatchingListenerContainer), whose connection went with the database; that one fails, is rolled back, and its
     * messages come back one by one, each then waiting here.
     */
    public boolean canWaitOut(Throwable failure) {
        return isOutage(failure) && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    private static boolean unavailable(String sqlState) {
        return sqlState != null && OUTAGE_STATES.stream().anyMatch(sqlState::startsWith);
    }
}
