package io.bluebird.channel.bluesky;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.bluesky.*}: the brand's Bluesky account. {@code service-url} is its PDS (where the session, posts
 * and, through the {@code atproto-proxy} header, chat calls go); {@code identifier} its handle or DID and
 * {@code app-password} an app password created with DM access.
 */
@ConfigurationProperties("bluebird.bluesky")
public record BlueskySettings(
        String serviceUrl,
        String identifier,
        String appPassword,
        String chatProxy,
        Duration backfill,
        Duration timeout) {

    public BlueskySettings {
        serviceUrl = serviceUrl == null || serviceUrl.isBlank() ? "https://bsky.social" : serviceUrl.strip();
        chatProxy = chatProxy == null || chatProxy.isBlank() ? "did:web:api.bsky.chat#bsky_chat" : chatProxy;
        backfill = backfill == null ? Duration.ofDays(1) : backfill;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean configured() {
        return identifier != null && !identifier.isBlank() && appPassword != null && !appPassword.isBlank();
    }
}
