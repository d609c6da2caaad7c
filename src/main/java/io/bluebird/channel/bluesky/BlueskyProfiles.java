package io.bluebird.channel.bluesky;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import io.bluebird.channel.BoundedCache;
import io.bluebird.model.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who a DID is (handle, display name, followers), from {@code app.bsky.actor.getProfile}; and the customer of a chat
 * conversation (its member that is not the brand). Both are kept for an hour, for the last {@value #MAX_KEPT}
 * customers and conversations. A failed lookup never holds a message up: it goes on with what is known.
 */
@Component
class BlueskyProfiles {

    private static final Logger log = LoggerFactory.getLogger(BlueskyProfiles.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final long MAX_KEPT = 10_000;

    private final BlueskyApi api;
    private final Cache<String, Author> profiles;
    private final Cache<String, String> customerOfConvo;

    BlueskyProfiles(BlueskyApi api, Clock clock) {
        this.api = api;
        this.profiles = BoundedCache.of(MAX_KEPT, KEEP, clock);
        this.customerOfConvo = BoundedCache.of(MAX_KEPT, KEEP, clock);
    }

    Author author(String did) {
        Author known = profiles.getIfPresent(did);
        if (known != null) {
            return known;
        }
        try {
            JsonNode profile = api.query("app.bsky.actor.getProfile", Map.of("actor", did), false);
            Author author = new Author(did, profile.path("handle").asText(null),
                    profile.path("displayName").asText(null),
                    profile.has("followersCount") ? profile.path("followersCount").asLong() : null, null);
            profiles.put(did, author);
            return author;
        } catch (RuntimeException e) {
            log.warn("Bluesky profile of {} not found ({}): the message goes on without it", did, e.getMessage());
            return new Author(did, null, null, null, null);
        }
    }

    /** The DID of the conversation's other member. */
    String customerOf(String convoId, String brandDid) {
        // looked up outside the cache's compute, which would hold a lock of the cache during the HTTP call
        String known = customerOfConvo.getIfPresent(convoId);
        if (known != null) {
            return known;
        }
        for (JsonNode member : api.query("chat.bsky.convo.getConvo", Map.of("convoId", convoId), true)
                .path("convo").path("members")) {
            if (!brandDid.equals(member.path("did").asText())) {
                String customer = member.path("did").asText();
                customerOfConvo.put(convoId, customer);
                return customer;
            }
        }
        throw new IllegalStateException("Bluesky conversation " + convoId + " has no member but the brand");
    }
}
