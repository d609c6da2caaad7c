package io.bluebird.client;

/**
 * A call out that could not be made or got no answer in time (refused, reset, timed out): the callers' own
 * "unavailable" failures wrap it, and it is retried like a 5xx.
 */
public class PeerUnreachable extends RuntimeException {

    public PeerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
