package io.bluebird.helpdesk;

/** The helpdesk refused the ticket for a reason retrying cannot fix (a 4xx): it goes to the dead-letter queue. */
public class HelpdeskRejected extends RuntimeException {

    public HelpdeskRejected(String message) {
        super(message);
    }
}
