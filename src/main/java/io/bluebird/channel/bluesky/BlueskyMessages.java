package io.bluebird.channel.bluesky;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;

/** Bluesky's JSON as SocialMessages; no calls, so it can be tested on the documented shapes alone. */
final class BlueskyMessages {

    static final String CHANNEL = "bluesky";
    private static final Set<String> ABOUT_THE_BRAND = Set.of("mention", "reply", "quote");
    private static final String CREATE_MESSAGE = "chat.bsky.convo.defs#logCreateMessage";
    private static final String MESSAGE_VIEW = "chat.bsky.convo.defs#messageView";

    private BlueskyMessages() {
    }

    /** Whether a notification of {@code listNotifications} is someone else's mention, reply or quote of the brand. */
    static boolean isAboutTheBrand(JsonNode notification, String brandDid) {
        return ABOUT_THE_BRAND.contains(notification.path("reason").asText())
                && !brandDid.equals(notification.path("author").path("did").asText());
    }

    /** Such a notification as a public message; {@code followers} from the author's profile (notifications lack it). */
    static SocialMessage fromNotification(JsonNode notification, String brandDid, Long followers) {
        JsonNode author = notification.path("author");
        JsonNode record = notification.path("record");
        String uri = notification.path("uri").asText();
        String parent = record.path("reply").path("parent").path("uri").asText(null);
        return new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PUBLIC, uri), CHANNEL,
                Visibility.PUBLIC, Direction.IN, uri, brandDid,
                new Author(author.path("did").asText(), author.path("handle").asText(null),
                        author.path("displayName").asText(null), followers, null),
                null, record.path("text").asText(""), parent, null, List.of(),
                instant(record.path("createdAt").asText(null), notification.path("indexedAt").asText(null)));
    }

    /** The message of a {@code getLog} entry, if it is a new (not deleted) message; else null. */
    static JsonNode createdMessage(JsonNode log) {
        JsonNode message = log.path("message");
        return CREATE_MESSAGE.equals(log.path("$type").asText()) && MESSAGE_VIEW.equals(message.path("$type").asText())
                ? message : null;
    }

    /**
     * A chat message as a private message: the customer's ({@code in}), or the brand's ({@code out}: the hub's own
     * send, dropped as a duplicate of what it recorded, or an agent writing in the Bluesky app) to {@code customer}.
     */
    static SocialMessage fromChat(JsonNode message, String brandDid, Author customer) {
        String id = message.path("id").asText();
        boolean fromBrand = brandDid.equals(message.path("sender").path("did").asText());
        Author brand = new Author(brandDid, null, null, null, null);
        return new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PRIVATE, id), CHANNEL, Visibility.PRIVATE,
                fromBrand ? Direction.OUT : Direction.IN, id, brandDid, fromBrand ? brand : customer,
                fromBrand ? customer : null, message.path("text").asText(""), null, null, List.of(),
                instant(message.path("sentAt").asText(null), null));
    }

    static Instant instant(String first, String second) {
        for (String value : new String[] {first, second}) {
            if (value != null && !value.isBlank()) {
                try {
                    return Instant.parse(value);
                } catch (RuntimeException e) {
                    // a malformed client timestamp: try the next one
                }
            }
        }
        return null;
    }
}
