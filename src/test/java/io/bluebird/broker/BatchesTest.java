package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchesTest {

    /** Messages as numbers; a negative one was delivered before. */
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final Batches<Integer> batches = new Batches<>(wait -> queue.poll(), message -> message < 0, 3);

    @Test
    void takesWhatWaitsUpToTheSize() throws Exception {
        queue.addAll(List.of(1, 2, 3, 4));
        assertThat(batches.next()).containsExactly(1, 2, 3);
        assertThat(batches.next()).containsExactly(4);
        assertThat(batches.next()).isEmpty();
    }

    @Test
    void aMessageDeliveredBeforeEndsItsBatchSoThatARolledBackBatchComesBackOneByOne() throws Exception {
        queue.addAll(List.of(1, -2, 3, -4, -5, 6));
        assertThat(batches.next()).containsExactly(1, -2);
        assertThat(batches.next()).containsExactly(3, -4);
        assertThat(batches.next()).containsExactly(-5);
        assertThat(batches.next()).containsExactly(6);
    }

    @Test
    void waitsOnlyForTheFirstMessage() throws Exception {
        List<Boolean> waits = new java.util.ArrayList<>();
        queue.addAll(List.of(1, 2));
        new Batches<Integer>(wait -> {
            waits.add(wait);
            return queue.poll();
        }, message -> false, 5).next();
        assertThat(waits).containsExactly(true, false, false);
    }

    @Test
    void aBatchHoldsAtLeastOneMessage() {
        assertThatThrownBy(() -> new Batches<Integer>(wait -> null, message -> false, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
