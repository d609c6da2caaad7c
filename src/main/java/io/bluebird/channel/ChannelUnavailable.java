package io.bluebird.channel;

import java.time.Duration;

import io.bluebird.http.RetryLater;

/**
 * A channel's API could not take a send now (5xx, 429, a timeout): retried with backoff, and not before
 * {@code retryAfter} when the channel said how long to wait (a rate-limit reset).
 */
public class ChannelUnavailable extends RuntimeException implements RetryLater {

    private final Duration retryAfter;

    public ChannelUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
