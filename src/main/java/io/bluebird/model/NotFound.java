package io.bluebird.model;

/** What was asked for does not exist: a conversation, a customer, a dead letter. The HTTP edge answers 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
