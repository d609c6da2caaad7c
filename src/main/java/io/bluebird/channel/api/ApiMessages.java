package io.bluebird.channel.api;

import java.time.Instant;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.JsonFields;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link SocialMessage} posted to {@code /api/messages} by a channel Bluebird has no connector for, and
 * refuses it with a 400 that names the field when it could not be threaded or shown to an agent.
 */
@Component("apiMessages")
public class ApiMessages {

    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final ObjectMapper json;

    public ApiMessages(ObjectMapper json) {
        this.json = json;
    }

    public SocialMessage read(byte[] body) {
        return validated(JsonRequests.value(json, body, SocialMessage.class, "a SocialMessage JSON object"));
    }

    /** The message as the hub keeps it, its id made from channel, visibility and native id; also for templated channels. */
    public static SocialMessage validated(SocialMessage m) {
        require(m.channel() != null, "channel", "is required: a lower-case name such as \"mastodon\"");
        require(CHANNEL.matcher(m.channel()).matches(), "channel",
                "must be a lower-case name such as \"x\", \"messenger\" or \"mastodon\"");
        require(m.visibility() != null, "visibility", "must be \"public\" or \"private\"");
        require(notBlank(m.nativeId()), "nativeId", "is required: the channel's own id of the message");
        require(notBlank(m.account()), "account", "is required: the brand's account on the channel");
        require(m.author() != null, "author", "is required");
        require(notBlank(m.author().id()), "author.id", "is required: the channel's id of the customer");
        require(m.direction() == Direction.IN || (m.recipient() != null && notBlank(m.recipient().id())),
                "recipient.id", "is required when direction is \"out\": the customer the brand wrote to");
        require(m.author().followers() == null || m.author().followers() >= 0, "author.followers",
                "must not be negative");
        require(notBlank(m.text()) || !m.attachments().isEmpty() || notBlank(m.quickReplyPayload()), "text",
                "is required unless the message has attachments or a quickReplyPayload");
        for (int i = 0; i < m.attachments().size(); i++) {
            require(m.attachments().get(i) != null && notBlank(m.attachments().get(i).url()),
                    "attachments[" + i + "].url", "is required");
        }
        JsonFields.atMost(m.nativeId(), "nativeId", SocialMessage.maxNativeId(m.channel(), m.visibility()));
        JsonFields.atMost(m.account(), "account", SocialMessage.MAX_ACCOUNT_ID);
        storable(m.author(), "author");
        storable(m.recipient(), "recipient");
        JsonFields.atMost(m.quickReplyPayload(), "quickReplyPayload", SocialMessage.MAX_QUICK_REPLY_PAYLOAD);
        String expectedId = SocialMessage.idOf(m.channel(), m.visibility(), m.nativeId());
        require(m.id() == null || m.id().equals(expectedId), "id",
                "must be <channel>:<public|dm>:<nativeId>, here \"" + expectedId + "\"");
        return new SocialMessage(expectedId, m.channel(), m.visibility(), m.direction(), m.nativeId(), m.account(),
                m.author(), m.recipient(), m.text(), m.inReplyTo(), m.quickReplyPayload(), m.attachments(),
                m.createdAt() == null ? Instant.now() : JsonFields.storable(m.createdAt(), "createdAt"));
    }

    /** What the hub keeps of a customer or the brand fits its columns. */
    private static void storable(Author who, String field) {
        if (who != null) {
            JsonFields.atMost(who.id(), field + ".id", SocialMessage.MAX_ACCOUNT_ID);
            JsonFields.atMost(who.handle(), field + ".handle", SocialMessage.MAX_NAME);
            JsonFields.atMost(who.name(), field + ".name", SocialMessage.MAX_NAME);
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw RequestRejected.badRequest(field, "'" + field + "' " + message);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

}
