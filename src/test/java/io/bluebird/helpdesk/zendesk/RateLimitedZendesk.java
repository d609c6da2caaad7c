package io.bluebird.helpdesk.zendesk;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock Zendesk that keeps a rate limit as Zendesk documents it ("Rate limits"): so many ticket calls a window,
 * each answer with {@code X-Rate-Limit} (the limit, per minute), {@code X-Rate-Limit-Remaining} and
 * {@code ratelimit-reset} (seconds to the window's end, rounded up), and beyond the limit 429 with
 * {@code Retry-After}. Its windows are shorter than Zendesk's minute, so that a test spends several.
 */
final class RateLimitedZendesk implements ResponseDefinitionTransformerV2 {

    private final int perWindow;
    private final Duration window;
    private final long start = System.nanoTime();
    private long current = -1;
    private int used;
    private int refused;

    RateLimitedZendesk(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    @Override
    public String getName() {
        return "rate-limited-zendesk";
    }

    /** The calls it answered with 429. */
    synchronized int refused() {
        return refused;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent call) {
        if (!call.getRequest().getUrl().startsWith("/api/v2/tickets")) {
            return call.getResponseDefinition();
        }
        long elapsed = System.nanoTime() - start;
        long index = elapsed / window.toNanos();
        if (index != current) {
            current = index;
            used = 0;
        }
        long resetSeconds = (long) Math.ceil(((index + 1) * window.toNanos() - elapsed) / 1e9);
        if (used >= perWindow) {
            refused++;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                    .withHeader("Retry-After", String.valueOf(resetSeconds)).build();
        }
        used++;
        return ResponseDefinitionBuilder.like(call.getResponseDefinition()).but()
                .withHeader("X-Rate-Limit", String.valueOf(perWindow * Duration.ofMinutes(1).toNanos()
                        / window.toNanos()))
                .withHeader("X-Rate-Limit-Remaining", String.valueOf(perWindow - used))
                .withHeader("ratelimit-reset", String.valueOf(resetSeconds))
                .build();
    }
}
