package io.bluebird.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The database transaction around a batch of queue messages ({@link BatchingListenerContainer}), one per consumer
 * thread. A step can commit what the batch did so far and let the rest go on in a new transaction
 * ({@link #commitSoFar()}): a delivery that is to wait in place (a call retried after a backoff), so that the rows of
 * the events before it are not held while it waits, and one that wrote its conversation's row (a new ticket), so that
 * the row is not held locked while the process stage may want it. The broker still commits the batch's messages only
 * at its end.
 */
@Component("batchTransactions")
public class BatchTransactions {

    private static final Logger log = LoggerFactory.getLogger(BatchTransactions.class);

    private final PlatformTransactionManager transactions;
    private final ThreadLocal<Batch> current = new ThreadLocal<>();

    public BatchTransactions(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    /**
     * Commits the current thread's batch transaction, if one is open, and begins another for the rest of the batch.
     * A commit that fails (the database away, a step that marked it rollback-only) leaves the batch to be rolled
     * back whole when it ends, broker included; the rest of it then goes on without a batch transaction.
     */
    public void commitSoFar() {
        Batch batch = current.get();
        if (batch != null) {
            batch.commitSoFar();
        }
    }

    /** Begins a batch's transaction on this thread; throws CannotCreateTransactionException when it cannot. */
    Batch begin() {
        if (current.get() != null) {
            throw new IllegalStateException("a batch is already open on this thread");
        }
        Batch batch = new Batch(newTransaction());
        current.set(batch);
        return batch;
    }

    private TransactionStatus newTransaction() {
        return transactions.getTransaction(new DefaultTransactionDefinition());
    }

    /** One batch's transaction: the one open now, null when the batch goes on without. */
    final class Batch implements AutoCloseable {

        private TransactionStatus status;
        private boolean lost;

        private Batch(TransactionStatus status) {
            this.status = status;
        }

        /** Whether database work of the batch was rolled back, so the broker must roll its messages back too. */
        boolean lost() {
            return lost;
        }

        /** Commits what is still open; throws when the batch cannot be committed whole. */
        void end() {
            if (lost) {
                throw new BatchLost();
            }
            if (open()) {
                transactions.commit(status);
            }
        }

        private void commitSoFar() {
            if (!open()) {
                return;
            }
            try {
                transactions.commit(status);
            } catch (RuntimeException e) {
                lost = true;
                status = null;
                log.warn("A batch's database work could not be committed ({}): its messages will be redelivered",
                        e.toString());
                return;
            }
            try {
                status = newTransaction();
            } catch (CannotCreateTransactionException away) {
                status = null;
            }
        }

        private boolean open() {
            return status != null && !status.isCompleted();
        }

        /** Rolls back what is still open and leaves the thread without a batch. */
        @Override
        public void close() {
            try {
                if (open()) {
                    transactions.rollback(status);
                }
            } finally {
                current.remove();
            }
        }
    }

    /** A batch whose database work was rolled back while its messages went on: the broker rolls them back too. */
    static final class BatchLost extends RuntimeException {
        BatchLost() {
            super("the batch's database transaction was rolled back; its messages are redelivered");
        }
    }
}
