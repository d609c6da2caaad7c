package io.bluebird.channel.bluesky;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.channel.PollBatch;
import io.bluebird.channel.PollCursors;
import io.bluebird.channel.PollLeases;
import io.bluebird.model.SocialMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls the brand's Bluesky account: mentions, replies and quotes from {@code app.bsky.notification.listNotifications}
 * (newest first: read back to the newest {@code indexedAt} seen before; the first poll takes only the last
 * {@code bluebird.bluesky.backfill}) and DMs from {@code chat.bsky.convo.getLog} (forward from the saved cursor). The
 * chat log starts "now": without a cursor it answers no logs and the cursor of its latest rev, so the first poll only
 * saves that cursor and DMs sent before it are never imported. A rate limit pauses the poller until Bluesky's reset.
 * Of several hubs, only the one holding the poller's lease polls.
 */
@Component("blueskyPolling")
public class BlueskyPolling {

    static final String NOTIFICATIONS = "bluesky.notifications";
    static final String CHATS = "bluesky.chats";
    private static final int MAX_PAGES = 20;

    private static final Logger log = LoggerFactory.getLogger(BlueskyPolling.class);

    private final BlueskyApi api;
    private final BlueskyProfiles profiles;
    private final PollCursors cursors;
    private final PollLeases leases;
    private final BlueskySettings settings;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;

    public BlueskyPolling(BlueskyApi api, BlueskyProfiles profiles, PollCursors cursors, PollLeases leases,
                          BlueskySettings settings, Clock clock) {
        this.api = api;
        this.profiles = profiles;
        this.cursors = cursors;
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the poll routes start (bluebird.bluesky.poll.enabled). */
    public boolean enabled() {
        return settings.poll().enabled();
    }

    /** The poll routes' timer period in milliseconds (bluebird.bluesky.poll.interval). */
    public long intervalMillis() {
        return settings.poll().interval().toMillis();
    }

    public PollBatch notifications() {
        if (!leases.holds(NOTIFICATIONS)) {
            return new PollBatch(NOTIFICATIONS, null, List.of());
        }
        if (paused()) {
            return new PollBatch(NOTIFICATIONS, null, List.of());
        }
        String seen = cursors.get(NOTIFICATIONS);
        Instant since = seen != null ? Instant.parse(seen) : clock.instant().minus(settings.backfill());
        Instant newest = null;
        List<SocialMessage> found = new ArrayList<>();
        try {
            String brand = api.did();
            String page = null;
            for (int pages = 0; pages < MAX_PAGES; pages++) {
                Map<String, String> params = new HashMap<>(Map.of("limit", "50"));
                params.put("cursor", page);
                JsonNode answer = api.query("app.bsky.notification.listNotifications", params, false);
                boolean older = false;
                for (JsonNode notification : answer.path("notifications")) {
                    Instant indexed = BlueskyMessages.instant(notification.path("indexedAt").asText(null), null);
                    if (indexed == null || indexed.isBefore(since)) {
                        older = true;
                        break;
                    }
                    newest = newest == null || indexed.isAfter(newest) ? indexed : newest;
                    if (BlueskyMessages.isAboutTheBrand(notification, brand)) {
                        Long followers = profiles.author(notification.path("author").path("did").asText()).followers();
                        found.add(0, BlueskyMessages.fromNotification(notification, brand, followers));
                    }
                }
                page = answer.path("cursor").asText(null);
                if (older || page == null || answer.path("notifications").isEmpty()) {
                    break;
                }
            }
        } catch (ChannelUnavailable e) {
            pause(e);
            return new PollBatch(NOTIFICATIONS, null, List.of());
        }
        return new PollBatch(NOTIFICATIONS, newest == null ? null : newest.toString(), found);
    }

    public PollBatch chats() {
        if (!leases.holds(CHATS)) {
            return new PollBatch(CHATS, null, List.of());
        }
        if (paused()) {
            return new PollBatch(CHATS, null, List.of());
        }
        String cursor = cursors.get(CHATS);
        List<SocialMessage> found = new ArrayList<>();
        try {
            String brand = api.did();
            for (int pages = 0; pages < MAX_PAGES; pages++) {
                Map<String, String> params = new HashMap<>();
                params.put("cursor", cursor);
                JsonNode answer = api.query("chat.bsky.convo.getLog", params, true);
                for (JsonNode entry : answer.path("logs")) {
                    JsonNode message = BlueskyMessages.createdMessage(entry);
                    if (message == null) {
                        continue;
                    }
                    String sender = message.path("sender").path("did").asText();
                    String customer = brand.equals(sender)
                            ? profiles.customerOf(entry.path("convoId").asText(), brand) : sender;
                    found.add(BlueskyMessages.fromChat(message, brand, profiles.author(customer)));
                }
                String next = answer.path("cursor").asText(null);
                boolean last = next == null || next.equals(cursor) || answer.path("logs").isEmpty();
                // kept from an empty page too: the first one, without a cursor, is always empty
                cursor = next == null ? cursor : next;
                if (last) {
                    break;
                }
            }
        } catch (ChannelUnavailable e) {
            pause(e);
            return new PollBatch(CHATS, null, List.of());
        }
        return new PollBatch(CHATS, cursor, found);
    }

    private boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    private void pause(ChannelUnavailable e) {
        if (e.getRetryAfter() != null) {
            pausedUntil = clock.instant().plus(e.getRetryAfter());
            log.warn("{}: Bluesky polling paused until {}", e.getMessage(), pausedUntil);
        } else {
            log.warn("{}: polling again at the next interval", e.getMessage());
        }
    }
}
