package io.bluebird.deadletter;

/** A dead letter that cannot be replayed: it does not say which queue it came from. The HTTP edge answers 409. */
public class DeadLetterWithoutQueue extends RuntimeException {

    public DeadLetterWithoutQueue(String message) {
        super(message);
    }
}
