package io.bluebird.channel.bluesky;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.model.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who a DID is (handle, display name, followers), from {@code app.bsky.actor.getProfile}, kept for an hour; and the
 * customer of a chat conversation (its member that is not the brand). A failed lookup never holds a message up:
 * it goes on with what is known.
 */
@Component
class BlueskyProfiles {

    private static final Logger log = LoggerFactory.getLogger(BlueskyProfiles.class);
    private static final Duration KEEP = Duration.ofHours(1);

    private final BlueskyApi api;
    private final Clock clock;
    private final Map<String, Known> profiles = new ConcurrentHashMap<>();
    private final Map<String, String> customerOfConvo = new ConcurrentHashMap<>();

    BlueskyProfiles(BlueskyApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    Author author(String did) {
        Known known = profiles.get(did);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.author();
        }
        try {
            JsonNode profile = api.query("app.bsky.actor.getProfile", Map.of("actor", did), false);
            Author author = new Author(did, profile.path("handle").asText(null),
                    profile.path("displayName").asText(null),
                    profile.has("followersCount") ? profile.path("followersCount").asLong() : null, null);
            profiles.put(did, new Known(author, clock.instant().plus(KEEP)));
            return author;
        } catch (RuntimeException e) {
            log.warn("Bluesky profile of {} not found ({}): the message goes on without it", did, e.getMessage());
            return new Author(did, null, null, null, null);
        }
    }

    /** The DID of the conversation's other member. */
    String customerOf(String convoId, String brandDid) {
        return customerOfConvo.computeIfAbsent(convoId, id -> {
            for (JsonNode member : api.query("chat.bsky.convo.getConvo", Map.of("convoId", id), true)
                    .path("convo").path("members")) {
                if (!brandDid.equals(member.path("did").asText())) {
                    return member.path("did").asText();
                }
            }
            throw new IllegalStateException("Bluesky conversation " + id + " has no member but the brand");
        });
    }

    private record Known(Author author, Instant until) {
    }
}
