package io.bluebird.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The in-memory caches of the channel lookups (profiles, conversation members): one entry per customer would
 * otherwise grow with every new customer for as long as the hub runs. Each holds at most {@code maxSize} entries
 * and forgets one {@code keep} after it was written, timed by the hub's clock.
 */
public final class BoundedCache {

    private BoundedCache() {
    }

    public static <K, V> Cache<K, V> of(long maxSize, Duration keep, Clock clock) {
        return Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(keep)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }
}
