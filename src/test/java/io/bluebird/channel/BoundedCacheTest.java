package io.bluebird.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import io.bluebird.MutableClock;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void itHoldsNoMoreThanItsSizeHoweverManyCustomersCome() {
        Cache<String, String> cache = BoundedCache.of(100, Duration.ofDays(1), clock);

        for (int i = 0; i < 10_000; i++) {
            cache.put("customer-" + i, "name " + i);
        }
        cache.cleanUp();

        assertThat(cache.estimatedSize()).isEqualTo(100);
    }

    @Test
    void anEntryIsForgottenOnceItsTimeIsUpOnTheHubsClock() {
        Cache<String, String> cache = BoundedCache.of(100, Duration.ofHours(1), clock);
        cache.put("jane", "Jane Doe");

        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.getIfPresent("jane")).isEqualTo("Jane Doe");

        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.getIfPresent("jane")).isNull();
    }
}
