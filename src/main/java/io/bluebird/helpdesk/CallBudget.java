package io.bluebird.helpdesk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many calls a helpdesk takes a minute, spent evenly so that a burst of messages meets no 429: a bucket that
 * refills at the limit per minute and holds a tenth of it (at most a minute's limit and a tenth in any minute), and
 * that believes the helpdesk over itself, since other clients spend the same account's budget. What the answers say
 * corrects it: the account's limit ({@code X-Rate-Limit}), what is left of it this minute
 * ({@code X-Rate-Limit-Remaining}) and when that comes back ({@code ratelimit-reset}); a 429 stops every call for
 * its Retry-After, unless the account has calls left (then it was one endpoint's or one ticket's limit). A limit of 0
 * is none, until an answer gives one.
 */
final class CallBudget {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanoTime;
    private int perMinute;
    private double calls;
    private long refilledAt;
    /** Until when no call may be made (a 429's Retry-After, a spent minute's reset); 0 for no pause. */
    private long pausedUntil;
    /** Calls taken and not answered yet: the helpdesk's count of what is left does not know them. */
    private int inFlight;

    CallBudget(int perMinute, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.perMinute = Math.max(0, perMinute);
        this.refilledAt = nanoTime.getAsLong();
        this.calls = burst();
    }

    /**
     * Takes one call and returns zero, or returns how long to wait before asking again (and takes nothing).
     */
    synchronized Duration take() {
        Duration wait = untilFree();
        if (wait.isZero()) {
            if (perMinute > 0) {
                calls--;
            }
            inFlight++;
        }
        return wait;
    }

    /** How long until a call could be taken, zero if now; takes nothing. */
    synchronized Duration untilFree() {
        long now = nanoTime.getAsLong();
        if (pausedUntil != 0 && now < pausedUntil) {
            return Duration.ofNanos(pausedUntil - now);
        }
        pausedUntil = 0;
        if (perMinute == 0) {
            return Duration.ZERO;
        }
        refill(now);
        return calls >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - calls) * MINUTE / perMinute));
    }

    /** A call taken by {@link #take} ended, answered or not. */
    synchronized void ended() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * What the answer to a call taken by {@link #take} said, before it {@link #ended}: {@code limit} the calls a
     * minute (null: not said), {@code remaining} those left this minute, less the other calls under way, and
     * {@code reset} when they come back; {@code retryAfter} the wait a 429 asked for.
     */
    synchronized void answered(Integer limit, Integer remaining, Duration reset, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        refill(now);
        if (limit != null && limit > 0) {
            perMinute = limit;
        }
        if (remaining != null && perMinute > 0) {
            int left = remaining - Math.max(0, inFlight - 1);
            calls = Math.max(0, Math.min(calls, left));
            if (left <= 0) {
                pause(now, reset != null ? reset : Duration.ofNanos(MINUTE / perMinute));
            }
        }
        // a 429 while the account has calls left is one endpoint's or one ticket's limit (Zendesk: 30 updates of a
        // ticket in 10 minutes): that call waits, as a failed one, and the others go on
        if (retryAfter != null && (remaining == null || remaining <= 0)) {
            calls = 0;
            pause(now, retryAfter);
        }
    }

    /** The calls that could be made now without waiting (whole ones); -1 with no limit. */
    synchronized int left() {
        if (perMinute == 0) {
            return -1;
        }
        refill(nanoTime.getAsLong());
        return (int) calls;
    }

    private void pause(long now, Duration wait) {
        pausedUntil = Math.max(pausedUntil, now + wait.toNanos());
    }

    private void refill(long now) {
        if (perMinute > 0) {
            calls = Math.min(burst(), calls + (double) (now - refilledAt) * perMinute / MINUTE);
        }
        refilledAt = now;
    }

    private double burst() {
        return Math.max(1, perMinute / 10);
    }
}
