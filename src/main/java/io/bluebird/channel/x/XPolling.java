package io.bluebird.channel.x;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.channel.PollBatch;
import io.bluebird.channel.PollCursors;
import io.bluebird.channel.PollLeases;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.SocialMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polling X for brands without a webhook, or for the mentions a webhook does not bring: mentions
 * ({@code GET /2/users/{id}/mentions}, app token, {@code since_id} the newest seen, following {@code meta.next_token})
 * and DMs ({@code GET /2/dm_events}, user context, newest first back to the newest id seen: that endpoint takes no
 * {@code since_id}; off with {@code poll.direct-messages: false}). The first poll takes one page. X limits each
 * endpoint on its own: when it says no calls are left there ({@code x-rate-limit-remaining: 0}, or a 429), that
 * poller waits for {@code x-rate-limit-reset} while the other goes on. A poll cut short before its last page keeps
 * its cursor, so the next one reads the older pages again rather than skipping them. Of several hubs, only the one
 * holding the poller's lease polls.
 */
@Component("xPolling")
public class XPolling {

    static final String MENTIONS = "x.mentions";
    static final String DMS = "x.dm_events";
    private static final int MAX_PAGES = 10;
    private static final String USER_FIELDS = "&user.fields=username,name,verified,public_metrics";

    private static final Logger log = LoggerFactory.getLogger(XPolling.class);

    private final XSettings settings;
    private final XApi api;
    private final PollCursors cursors;
    private final PollLeases leases;
    private final Clock clock;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    public XPolling(XSettings settings, XApi api, PollCursors cursors, PollLeases leases, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.cursors = cursors;
        this.leases = leases;
        this.clock = clock;
    }

    /** Whether the poll routes start (bluebird.x.poll.enabled). */
    public boolean enabled() {
        return settings.poll().enabled();
    }

    /** The poll routes' timer period in milliseconds (bluebird.x.poll.interval). */
    public long intervalMillis() {
        return settings.poll().interval().toMillis();
    }

    public PollBatch mentions() {
        if (!leases.holds(MENTIONS)) {
            return new PollBatch(MENTIONS, null, List.of());
        }
        String since = cursors.get(MENTIONS);
        List<SocialMessage> found = new ArrayList<>();
        String newest = null;
        String page = null;
        try {
            int pages = 0;
            do {
                if (paused(MENTIONS)) {
                    newest = null;
                    break;
                }
                XApi.Answer answer = api.call("GET", "/2/users/" + settings.accountId() + "/mentions?max_results=100"
                        + "&expansions=author_id&tweet.fields=created_at,referenced_tweets,author_id,conversation_id"
                        + USER_FIELDS + (since == null ? "" : "&since_id=" + since)
                        + (page == null ? "" : "&pagination_token=" + page), null, XApi.As.APP);
                pace(MENTIONS, answer);
                JsonNode body = answer.body();
                if (newest == null) {
                    newest = body.path("meta").path("newest_id").asText(null);
                }
                JsonNode posts = body.path("data");
                for (int i = 0; i < posts.size(); i++) {
                    JsonNode post = posts.get(i);
                    String at = "data[" + i + "]";
                    readable(() -> XMessages.fromPost(post, XMessages.includedUsers(body.path("includes")
                            .get("users"), "includes.users"), settings.accountId(), at)).ifPresent(found::add);
                }
                page = body.path("meta").path("next_token").asText(null);
            } while (page != null && since != null && ++pages < MAX_PAGES);
        } catch (ChannelUnavailable e) {
            return interrupted(MENTIONS, e);
        } catch (ChannelRefused | XAuthorizationRevoked e) {
            return refused(MENTIONS, e);
        }
        Collections.reverse(found);
        return polled(MENTIONS, newest, found);
    }

    public PollBatch directMessages() {
        if (!settings.poll().directMessages() || !leases.holds(DMS)) {
            return new PollBatch(DMS, null, List.of());
        }
        String last = cursors.get(DMS);
        List<SocialMessage> found = new ArrayList<>();
        String newest = null;
        String page = null;
        try {
            int pages = 0;
            reading:
            do {
                if (paused(DMS)) {
                    newest = null;
                    break;
                }
                XApi.Answer answer = api.call("GET", "/2/dm_events?max_results=100&event_types=MessageCreate"
                        + "&dm_event.fields=id,text,event_type,created_at,sender_id,participant_ids,dm_conversation_id"
                        + "&expansions=sender_id,participant_ids" + USER_FIELDS
                        + (page == null ? "" : "&pagination_token=" + page), null, XApi.As.BRAND);
                pace(DMS, answer);
                JsonNode body = answer.body();
                JsonNode events = body.path("data");
                for (int i = 0; i < events.size(); i++) {
                    JsonNode event = events.get(i);
                    String at = "data[" + i + "]";
                    String id = event.path("id").asText();
                    if (last != null && !newer(id, last)) {
                        break reading;
                    }
                    newest = newest == null || newer(id, newest) ? id : newest;
                    readable(() -> XMessages.fromV2DmEvent(event, XMessages.includedUsers(body.path("includes")
                            .get("users"), "includes.users"), settings.accountId(), at)).ifPresent(found::add);
                }
                page = body.path("meta").path("next_token").asText(null);
            } while (page != null && last != null && ++pages < MAX_PAGES);
        } catch (ChannelUnavailable e) {
            return interrupted(DMS, e);
        } catch (ChannelRefused | XAuthorizationRevoked e) {
            return refused(DMS, e);
        }
        Collections.reverse(found);
        return polled(DMS, newest, found);
    }

    /** What X answered in a shape the hub could not keep is skipped with the reason, so the poller goes on. */
    private static Optional<SocialMessage> readable(Supplier<Optional<SocialMessage>> read) {
        try {
            return read.get();
        } catch (RequestRejected e) {
            log.warn("X polling skipped a message: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** X ids are snowflakes: a later one is a larger number. */
    static boolean newer(String id, String than) {
        return new BigInteger(id).compareTo(new BigInteger(than)) > 0;
    }

    private void pace(String cursor, XApi.Answer answer) {
        if (answer.remaining() != null && answer.remaining() == 0 && answer.reset() != null) {
            pausedUntil.put(cursor, answer.reset());
            log.info("X polling of {}: no calls left in this window, waiting until {}", cursor, answer.reset());
        }
    }

    private boolean paused(String cursor) {
        return clock.instant().isBefore(pausedUntil.getOrDefault(cursor, Instant.EPOCH));
    }

    private PollBatch polled(String cursor, String position, List<SocialMessage> found) {
        reported.remove(cursor);
        return new PollBatch(cursor, position, found);
    }

    private PollBatch interrupted(String cursor, ChannelUnavailable e) {
        if (e.getRetryAfter() != null) {
            pausedUntil.put(cursor, clock.instant().plus(e.getRetryAfter()));
        }
        log.warn("X polling of {}: {}; polling again {}", cursor, e.getMessage(),
                e.getRetryAfter() == null ? "at the next interval" : "after " + pausedUntil.get(cursor));
        return new PollBatch(cursor, null, List.of());
    }

    /** Refused (not configured, the brand's authorization revoked, the plan lacks the endpoint): said once. */
    private PollBatch refused(String cursor, RuntimeException e) {
        if (!e.getMessage().equals(reported.put(cursor, e.getMessage()))) {
            log.warn("X polling of {} refused: {}; trying again each interval, quietly until the reason changes",
                    cursor, e.getMessage());
        }
        return new PollBatch(cursor, null, List.of());
    }
}
