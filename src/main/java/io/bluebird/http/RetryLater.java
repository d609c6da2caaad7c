package io.bluebird.http;

import java.time.Duration;

/** A failure after which the remote side said how long to wait (Retry-After, a rate-limit reset, an open breaker). */
public interface RetryLater {

    /** How long to wait before trying again, or null to use the retry policy's own backoff. */
    Duration getRetryAfter();
}
