package io.bluebird.channel.messenger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import io.bluebird.channel.BoundedCache;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.HttpAnswer;
import io.bluebird.http.PathIds;
import io.bluebird.model.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The customer's name from the Graph API ({@code GET /{psid}?fields=name,profile_pic} for Messenger,
 * {@code name,username,follower_count} for an Instagram-scoped id), kept for a day (the last {@value #MAX_KEPT}
 * customers'). The webhook waits for it at most two seconds, and a failure never stops a message: it goes on with
 * the id alone.
 */
@Component
class MessengerProfiles {

    private static final Logger log = LoggerFactory.getLogger(MessengerProfiles.class);
    private static final Duration KEEP = Duration.ofDays(1);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final long MAX_KEPT = 10_000;

    private final MessengerSettings settings;
    private final ChannelHttp http;
    private final Cache<String, Author> known;

    MessengerProfiles(MessengerSettings settings, ChannelHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.known = BoundedCache.of(MAX_KEPT, KEEP, clock);
    }

    Author of(String channel, String id) {
        String key = channel + ":" + id;
        Author cached = known.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Author author = lookUp(channel, id);
        if (author.name() != null || author.handle() != null) {
            known.put(key, author);
        }
        return author;
    }

    private Author lookUp(String channel, String id) {
        String fields = "instagram".equals(channel) ? "name,username,follower_count" : "name,profile_pic";
        URI uri = URI.create(settings.graphBaseUrl() + "/" + PathIds.encoded(id) + "?fields=" + fields);
        try {
            HttpAnswer response = http.send(http.client(WAIT).get().uri(uri)
                    .header("Authorization", "Bearer " + settings.pageAccessToken()), "Graph API profile");
            if (response.statusCode() != 200) {
                log.warn("{} profile of {} not found: Graph API answered {}", channel, id, response.statusCode());
                return new Author(id, null, null, null, null);
            }
            JsonNode profile = http.parse(response.body());
            return new Author(id, profile.path("username").asText(null), profile.path("name").asText(null),
                    profile.has("follower_count") ? profile.path("follower_count").asLong() : null, null);
        } catch (ChannelUnavailable e) {
            log.warn("{} profile of {} not found: {}", channel, id, e.getMessage());
            return new Author(id, null, null, null, null);
        }
    }
}
