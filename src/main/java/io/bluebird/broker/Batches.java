package io.bluebird.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which messages share one transaction: what is waiting, up to the batch size, and a message that was delivered
 * before ends its batch. A batch that fails is rolled back whole, so its messages come back redelivered and each
 * then goes alone (first of its batch, which it ends): a message that keeps failing fails on its own, and the others
 * pass, spending one or two delivery attempts.
 */
final class Batches<T> {

    /** Where messages come from: {@code wait} for the first one (a while), then only what has arrived already. */
    interface Source<T> {
        T take(boolean wait) throws Exception;
    }

    private final Source<T> source;
    private final Predicate<T> deliveredBefore;
    private final int size;

    Batches(Source<T> source, Predicate<T> deliveredBefore, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one message, not " + size);
        }
        this.source = source;
        this.deliveredBefore = deliveredBefore;
        this.size = size;
    }

    /** The next batch, in the order received; empty when nothing arrived while waiting. */
    List<T> next() throws Exception {
        List<T> batch = new ArrayList<>();
        T message = source.take(true);
        while (message != null) {
            batch.add(message);
            if (batch.size() == size || deliveredBefore.test(message)) {
                break;
            }
            message = source.take(false);
        }
        return batch;
    }
}
