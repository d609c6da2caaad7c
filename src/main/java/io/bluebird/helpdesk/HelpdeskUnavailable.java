package io.bluebird.helpdesk;

import java.time.Duration;

import io.bluebird.http.RetryLater;

/** The helpdesk could not take the ticket now (5xx, 429, timeout, connection refused): worth trying again. */
public class HelpdeskUnavailable extends RuntimeException implements RetryLater {

    private final Duration retryAfter;

    public HelpdeskUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** What the helpdesk asked us to wait (Retry-After), or null. */
    @Override
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
