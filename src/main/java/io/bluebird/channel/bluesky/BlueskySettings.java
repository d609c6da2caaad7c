package io.bluebird.channel.bluesky;

import static org.springframework.util.StringUtils.hasText;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.bluesky.*}: the brand's Bluesky account. {@code service-url} is its PDS (where the session, posts
 * and, through the {@code atproto-proxy} header, chat calls go); {@code identifier} its handle or DID and
 * {@code app-password} an app password created with DM access.
 *
 * @param serviceUrl The account's PDS; https://bsky.social for accounts hosted by Bluesky.
 * @param identifier The account's handle (brand.bsky.social) or DID.
 * @param appPassword An app password created with access to direct messages; never the account's own password. A
 *     secret.
 * @param chatProxy The service DM calls are proxied to (the atproto-proxy header).
 * @param backfill What the very first poll imports: notifications of this last period (default 1d).
 * @param timeout How long one call may take (default 10s).
 * @param poll Polling the notifications and the DMs.
 */
@ConfigurationProperties("bluebird.bluesky")
public record BlueskySettings(
        String serviceUrl,
        String identifier,
        String appPassword,
        String chatProxy,
        Duration backfill,
        Duration timeout,
        Poll poll) {

    public BlueskySettings {
        serviceUrl = serviceUrl == null || serviceUrl.isBlank() ? "https://bsky.social" : serviceUrl.strip();
        chatProxy = chatProxy == null || chatProxy.isBlank() ? "did:web:api.bsky.chat#bsky_chat" : chatProxy;
        backfill = backfill == null ? Duration.ofDays(1) : backfill;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        poll = poll == null ? new Poll(null, null) : poll;
        if (poll.enabled() && !(hasText(identifier) && hasText(appPassword))) {
            // polling without an account would fail every interval, quietly, in the log
            throw new IllegalStateException("bluebird.bluesky.poll.enabled is true but bluebird.bluesky.identifier"
                    + " or bluebird.bluesky.app-password is empty");
        }
    }

    /**
     * Polling the brand's notifications and DMs.
     *
     * @param enabled Poll the brand's notifications and DMs (default false); needs identifier and app-password.
     * @param interval Time between two polls of the notifications and of the DMs (default 30s).
     */
    public record Poll(Boolean enabled, Duration interval) {
        public Poll {
            enabled = enabled != null && enabled;
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bluebird.bluesky.poll.interval must be longer than 0, not "
                        + interval);
            }
        }
    }

    public boolean configured() {
        return hasText(identifier) && hasText(appPassword);
    }
}
