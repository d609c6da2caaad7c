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
     * brand's own posts. {@code users} finds the author ({@link #includedUsers}); {@code at} is where the post is in
     * its body, for the name of a field the hub refuses. A post without a time gets the receive time.
     */
    static Optional<SocialMessage> fromPost(JsonNode post, Function<String, Author> users, String brandId,
                                            String at) {
        String authorId = JsonFields.id(post.get("author_id"), at + ".author_id", SocialMessage.MAX_ACCOUNT_ID);
        if (brandId.equals(authorId) || referenced(post, "retweeted") != null) {
            return Optional.empty();
        }
        String id = JsonFields.id(post.get("id"), at + ".id", SocialMessage.maxNativeId(CHANNEL, Visibility.PUBLIC));
        return Optional.of(new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PUBLIC, id), CHANNEL,
                Visibility.PUBLIC, Direction.IN, id, brandId, users.apply(authorId), null,
                post.path("text").asText(""), referenced(post, "replied_to"), null, List.of(),
                JsonFields.isoTime(post.get("created_at"), at + ".created_at", Instant.now())));
    }

    /**
     * A DM event of an Activity API delivery ({@code direct_message_events[]}, with {@code users} by id, see
     * {@link #usersById}): the customer's message ({@code dm.received}), or the brand's to them ({@code dm.sent},
     * direction out).
     */
    static Optional<SocialMessage> fromDmEvent(JsonNode event, Function<String, Author> users, String brandId,
                                               String at) {
        if (!"message_create".equals(event.path("type").asText())) {
            return Optional.empty();
        }
        JsonNode create = event.path("message_create");
        String sender = JsonFields.id(create.get("sender_id"), at + ".message_create.sender_id",
                SocialMessage.MAX_ACCOUNT_ID);
        String recipient = JsonFields.id(create.path("target").get("recipient_id"),
                at + ".message_create.target.recipient_id", SocialMessage.MAX_ACCOUNT_ID);
        String id = JsonFields.id(event.get("id"), at + ".id", SocialMessage.maxNativeId(CHANNEL, Visibility.PRIVATE));
        JsonNode data = create.path("message_data");
        List<Attachment> attachments = new ArrayList<>();
        JsonNode media = data.path("attachment").path("media");
        if (media.isObject()) {
            attachments.add(new Attachment(media.path("type").asText("media"),
                    media.path("media_url_https").asText(null)));
        }
        return Optional.of(dm(id, sender, recipient, brandId, data.path("text").asText(""), attachments,
                JsonFields.epochMillis(event.get("created_timestamp"), at + ".created_timestamp", Instant.now()),
                users));
    }

    /** A v2 DM event of {@code GET /2/dm_events} (MessageCreate), with {@code includes.users}. */
    static Optional<SocialMessage> fromV2DmEvent(JsonNode event, Function<String, Author> users, String brandId,
                                                 String at) {
        if (!"MessageCreate".equals(event.path("event_type").asText())) {
            return Optional.empty();
        }
        String sender = JsonFields.id(event.get("sender_id"), at + ".sender_id", SocialMessage.MAX_ACCOUNT_ID);
        String recipient = null;
        JsonNode participants = JsonFields.array(event.get("participant_ids"), at + ".participant_ids");
        for (int i = 0; i < participants.size(); i++) {
            String participant = JsonFields.id(participants.get(i), at + ".participant_ids[" + i + "]",
                    SocialMessage.MAX_ACCOUNT_ID);
            if (!participant.equals(sender)) {
                recipient = participant;
            }
        }
        if (recipient == null) {
            for (String part : event.path("dm_conversation_id").asText("").split("-")) {
                if (!part.equals(sender) && !part.isBlank()) {
                    recipient = JsonFields.atMost(part, at + ".dm_conversation_id", SocialMessage.MAX_ACCOUNT_ID);
                }
            }
        }
        if (recipient == null) {
            return Optional.empty();
        }
        return Optional.of(dm(JsonFields.id(event.get("id"), at + ".id",
                        SocialMessage.maxNativeId(CHANNEL, Visibility.PRIVATE)), sender, recipient, brandId,
                event.path("text").asText(""), List.of(),
                JsonFields.isoTime(event.get("created_at"), at + ".created_at", Instant.now()), users));
    }

    private static SocialMessage dm(String id, String sender, String recipient, String brandId, String text,
                                    List<Attachment> attachments, Instant at, Function<String, Author> users) {
        boolean fromBrand = brandId.equals(sender);
        Author customer = users.apply(fromBrand ? recipient : sender);
        Author brand = new Author(brandId, null, null, null, null);
        return new SocialMessage(SocialMessage.idOf(CHANNEL, Visibility.PRIVATE, id), CHANNEL, Visibility.PRIVATE,
                fromBrand ? Direction.OUT : Direction.IN, id, brandId, fromBrand ? brand : customer,
                fromBrand ? customer : null, text, null, null, attachments, at);
    }

    /** The authors of a v2 {@code includes.users} array, by id; {@code at} is where it is in the body. */
    static Function<String, Author> includedUsers(JsonNode users, String at) {
        JsonNode list = JsonFields.array(users, at);
        return id -> {
            for (int i = 0; i < list.size(); i++) {
                if (id.equals(list.get(i).path("id").asText())) {
                    return author(list.get(i), id, at + "[" + i + "]");
                }
            }
            return author(null, id, at);
        };
    }

    /** The authors of an Activity API DM delivery's {@code users}, {@code {"<id>": {"data": {...}}}}. */
    static Function<String, Author> usersById(JsonNode users, String at) {
        return id -> author(users.path(id).path("data"), id, at + "." + id + ".data");
    }

    private static Author author(JsonNode user, String id, String at) {
        if (user == null || user.isMissingNode()) {
            return new Author(id, null, null, null, null);
        }
        JsonNode followers = user.path("public_metrics").path("followers_count");
        return new Author(id, JsonFields.text(user.get("username"), at + ".username", SocialMessage.MAX_NAME),
                JsonFields.text(user.get("name"), at + ".name", SocialMessage.MAX_NAME),
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
