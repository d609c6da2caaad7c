package io.bluebird.channel.x;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.http.JsonFields;
import io.bluebird.model.Attachment;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;

/**
 * X's JSON as SocialMessages, the same from the Activity API's webhooks and from v2 polling, so a message seen both
 * ways has one id. No calls: testable on the documented shapes alone.
 */
final class XMessages {

    static final String CHANNEL = "x";

    private XMessages() {
    }

    /**
     * A v2 Post that mentions, replies to or quotes the brand, as a public message; empty for reposts and the
     * brand's own posts. {@code users} is {@code includes.users}, where the author is found; {@code at} is where the
     * post is in its body, for the name of a field the hub refuses. A post without a time gets the receive time.
     */
    static Optional<SocialMessage> fromPost(JsonNode post, JsonNode users, String brandId, String at) {
        String authorId = JsonFields.id(post.get("author_id"), at + ".author_id");
        if (brandId.equals(authorId) || referenced(post, "retweeted") != null) {
            return Optional.empty();
        }
        String id = JsonFields.id(post.get("id"), at + ".id");
        return Optional.of(new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PUBLIC, id), CHANNEL,
                Visibility.PUBLIC, Direction.IN, id, brandId, author(userIn(users, authorId), authorId), null,
                post.path("text").asText(""), referenced(post, "replied_to"), null, List.of(),
                JsonFields.isoTime(post.get("created_at"), at + ".created_at", Instant.now())));
    }

    /**
     * A DM event of an Activity API delivery ({@code direct_message_events[]}, with {@code users} by id): the
     * customer's message ({@code dm.received}), or the brand's to them ({@code dm.sent}, direction out).
     */
    static Optional<SocialMessage> fromDmEvent(JsonNode event, JsonNode users, String brandId, String at) {
        if (!"message_create".equals(event.path("type").asText())) {
            return Optional.empty();
        }
        JsonNode create = event.path("message_create");
        String sender = JsonFields.id(create.get("sender_id"), at + ".message_create.sender_id");
        String recipient = JsonFields.id(create.path("target").get("recipient_id"),
                at + ".message_create.target.recipient_id");
        String id = JsonFields.id(event.get("id"), at + ".id");
        JsonNode data = create.path("message_data");
        List<Attachment> attachments = new ArrayList<>();
        JsonNode media = data.path("attachment").path("media");
        if (media.isObject()) {
            attachments.add(new Attachment(media.path("type").asText("media"),
                    media.path("media_url_https").asText(null)));
        }
        return Optional.of(dm(id, sender, recipient, brandId, data.path("text").asText(""), attachments,
                JsonFields.epochMillis(event.get("created_timestamp"), at + ".created_timestamp", Instant.now()),
                customerId -> users.path(customerId).path("data")));
    }

    /** A v2 DM event of {@code GET /2/dm_events} (MessageCreate), with {@code includes.users}. */
    static Optional<SocialMessage> fromV2DmEvent(JsonNode event, JsonNode users, String brandId, String at) {
        if (!"MessageCreate".equals(event.path("event_type").asText())) {
            return Optional.empty();
        }
        String sender = JsonFields.id(event.get("sender_id"), at + ".sender_id");
        String recipient = null;
        JsonNode participants = JsonFields.array(event.get("participant_ids"), at + ".participant_ids");
        for (int i = 0; i < participants.size(); i++) {
            String participant = JsonFields.id(participants.get(i), at + ".participant_ids[" + i + "]");
            if (!participant.equals(sender)) {
                recipient = participant;
            }
        }
        if (recipient == null) {
            for (String part : event.path("dm_conversation_id").asText("").split("-")) {
                if (!part.equals(sender) && !part.isBlank()) {
                    recipient = part;
                }
            }
        }
        if (recipient == null) {
            return Optional.empty();
        }
        return Optional.of(dm(JsonFields.id(event.get("id"), at + ".id"), sender, recipient, brandId,
                event.path("text").asText(""), List.of(),
                JsonFields.isoTime(event.get("created_at"), at + ".created_at", Instant.now()),
                customerId -> userIn(users, customerId)));
    }

    private static SocialMessage dm(String id, String sender, String recipient, String brandId, String text,
                                    List<Attachment> attachments, Instant at,
                                    Function<String, JsonNode> profileOf) {
        boolean fromBrand = brandId.equals(sender);
        String customerId = fromBrand ? recipient : sender;
        Author customer = author(profileOf.apply(customerId), customerId);
        Author brand = new Author(brandId, null, null, null, null);
        return new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PRIVATE, id), CHANNEL, Visibility.PRIVATE,
                fromBrand ? Direction.OUT : Direction.IN, id, brandId, fromBrand ? brand : customer,
                fromBrand ? customer : null, text, null, null, attachments, at);
    }

    private static JsonNode userIn(JsonNode users, String id) {
        for (JsonNode user : users) {
            if (id.equals(user.path("id").asText())) {
                return user;
            }
        }
        return null;
    }

    private static Author author(JsonNode user, String id) {
        if (user == null || user.isMissingNode()) {
            return new Author(id, null, null, null, null);
        }
        JsonNode followers = user.path("public_metrics").path("followers_count");
        return new Author(id, user.path("username").asText(null), user.path("name").asText(null),
                followers.isNumber() ? followers.asLong() : null,
                user.has("verified") ? user.path("verified").asBoolean() : null);
    }

    private static String referenced(JsonNode post, String type) {
        for (JsonNode ref : post.path("referenced_tweets")) {
            if (type.equals(ref.path("type").asText())) {
                return ref.path("id").asText();
            }
        }
        return null;
    }
}
