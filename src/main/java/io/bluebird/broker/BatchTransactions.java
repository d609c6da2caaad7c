package io.bluebird.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The database transaction around a batch of queue messages ({@link BatchingListenerContainer}), one per consumer
 * thread. A message of the batch that is to wait in place (a helpdesk call to retry after a backoff) first commits
 * what the messages before it did ({@link #commitSoFar()}), so their rows are not held locked while it waits; it and
 * the rest of the batch then go on without the batch's transaction, each write committing on its own as for a
 * message alone. The broker still commits the batch's messages only at its end.
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
     * Commits the current thread's batch transaction, if one is open. A commit that fails (the database away, a
     * step that marked it rollback-only) leaves the batch to be rolled back whole when it ends, broker included.
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
        Batch batch = new Batch(transactions.getTransaction(new DefaultTransactionDefinition()));
        current.set(batch);
        return batch;
    }

    /** One batch's transaction: open until it ends, or until one of its messages commits it early. */
    final class Batch implements AutoCloseable {

        private final TransactionStatus status;
        private boolean lost;

        private Batch(TransactionStatus status) {
            this.status = status;
        }

        /** Whether the batch's database work was rolled back, so the broker must roll its messages back too. */
        boolean lost() {
            return lost;
        }

        /** Commits what is still open; throws when the batch cannot be committed whole. */
        void end() {
            if (lost) {
                throw new BatchLost();
            }
            if (!status.isCompleted()) {
                transactions.commit(status);
            }
        }

        private void commitSoFar() {
            if (status.isCompleted()) {
                return;
            }
            try {
                transactions.commit(status);
            } catch (RuntimeException e) {
                lost = true;
                log.warn("A batch's database work could not be committed ({}): its messages will be redelivered",
                        e.toString());
            }
        }

        /** Rolls back what is still open and leaves the thread without a batch. */
        @Override
        public void close() {
            try {
                if (!status.isCompleted()) {
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
