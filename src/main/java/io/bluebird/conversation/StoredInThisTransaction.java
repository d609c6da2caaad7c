package io.bluebird.conversation;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of the messages the current database transaction stored: in the process stage, one batch of
 * bluebird.inbound. A copy of one of them later in the same batch (a webhook sent twice at once) has nothing to send:
 * its first copy's ticket event goes out with the batch's broker transaction. Sent again as a repeat, outside that
 * transaction ({@code RepeatedEvents}), it would race the uncommitted send: one way both copies reach the delivery
 * queue, the broker's duplicate detection knowing only committed ids; the other the broker rejects the first copy's
 * send at commit, and the whole batch is rolled back and redelivered.
 */
final class StoredInThisTransaction {

    private static final Object KEY = StoredInThisTransaction.class;

    private StoredInThisTransaction() {
    }

    static void add(String messageId) {
        Set<String> ids = ids();
        if (ids != null) {
            ids.add(messageId);
        }
    }

    static boolean contains(String messageId) {
        Set<String> ids = ids();
        return ids != null && ids.contains(messageId);
    }

    /** This transaction's set, made with its first message and forgotten when it ends; null outside a transaction. */
    @SuppressWarnings("unchecked")
    private static Set<String> ids() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Set<String> ids = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (ids == null) {
            Set<String> made = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            ids = made;
        }
        return ids;
    }
}
