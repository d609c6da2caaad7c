package io.bluebird.channel.messenger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.Hmac;
import io.bluebird.http.JsonFields;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Attachment;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Meta's webhook for Messenger ({@code object: page}) and Instagram ({@code object: instagram}): the subscription
 * handshake, the signature over the raw bytes as Meta sent them, and every {@code entry[].messaging[]} item that
 * carries a message as a private SocialMessage. Receipts are dropped. An echo (what the page sent) is the brand's
 * words: the hub's own sends are dropped later as duplicates (their mid is what the Send API returned), an agent's
 * message from Meta Business Suite goes to the ticket.
 */
@Component("messengerWebhook")
public class MessengerWebhook {

    private final MessengerSettings settings;
    private final MessengerProfiles profiles;
    private final ObjectMapper json;

    public MessengerWebhook(MessengerSettings settings, MessengerProfiles profiles, ObjectMapper json) {
        this.settings = settings;
        this.profiles = profiles;
        this.json = json;
    }

    /** The handshake: the challenge back when Meta shows the configured verify token, 403 otherwise. */
    public String verify(String mode, String token, String challenge) {
        String expected = settings.verifyToken();
        if (!"subscribe".equals(mode) || expected == null || expected.isBlank()
                || !Hmac.matches(expected, token) || challenge == null) {
            throw new RequestRejected(403, "wrong hub.mode or hub.verify_token");
        }
        return challenge;
    }

    public List<SocialMessage> read(byte[] body, String signature) {
        checkSignature(body, signature);
        JsonNode delivery = JsonRequests.object(json, body, "a Meta webhook object {\"object\", \"entry\": [...]}");
        String channel = switch (delivery.path("object").asText()) {
            case "page" -> "messenger";
            case "instagram" -> "instagram";
            default -> null;
        };
        if (channel == null) {
            return List.of();
        }
        List<SocialMessage> messages = new ArrayList<>();
        JsonNode entries = JsonFields.array(delivery.get("entry"), "entry");
        for (int e = 0; e < entries.size(); e++) {
            JsonNode items = JsonFields.array(entries.get(e).get("messaging"), "entry[" + e + "].messaging");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (item.has("message") && !item.path("message").path("is_deleted").asBoolean(false)) {
                    messages.add(message(channel, item, "entry[" + e + "].messaging[" + i + "]"));
                }
            }
        }
        return messages;
    }

    private void checkSignature(byte[] body, String signature) {
        String secret = settings.appSecret();
        if (secret == null || secret.isBlank()) {
            throw new RequestRejected(401, "Messenger is not configured: set bluebird.messenger.app-secret");
        }
        if (signature == null || !signature.startsWith("sha256=")) {
            throw new RequestRejected(401, "missing X-Hub-Signature-256");
        }
        if (!Hmac.matches("sha256=" + Hmac.sha256Hex(secret, body == null ? new byte[0] : body),
                signature.toLowerCase())) {
            throw new RequestRejected(401, "wrong X-Hub-Signature-256");
        }
    }

    /** {@code at}: where the item is in the delivery, for the name of a field the hub refuses. */
    private SocialMessage message(String channel, JsonNode item, String at) {
        JsonNode message = item.path("message");
        String mid = JsonFields.id(message.get("mid"), at + ".message.mid",
                SocialMessage.maxNativeId(channel, Visibility.PRIVATE));
        String sender = JsonFields.id(item.path("sender").get("id"), at + ".sender.id", SocialMessage.MAX_ACCOUNT_ID);
        String recipient = JsonFields.id(item.path("recipient").get("id"), at + ".recipient.id",
                SocialMessage.MAX_ACCOUNT_ID);
        boolean echo = message.path("is_echo").asBoolean(false);
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            attachments.add(new Attachment(attachment.path("type").asText(null),
                    attachment.path("payload").path("url").asText(null)));
        }
        String page = echo ? sender : recipient;
        Author customer = echo ? new Author(recipient, null, null, null, null) : profiles.of(channel, sender);
        Instant sent = JsonFields.epochMillis(item.get("timestamp"), at + ".timestamp", Instant.now());
        return new SocialMessage(SocialMessage.idOf(channel, Visibility.PRIVATE, mid), channel, Visibility.PRIVATE,
                echo ? Direction.OUT : Direction.IN, mid, page,
                echo ? new Author(page, null, null, null, null) : customer, echo ? customer : null,
                message.path("text").asText(null), message.path("reply_to").path("mid").asText(null),
                JsonFields.text(message.path("quick_reply").get("payload"), at + ".message.quick_reply.payload",
                        SocialMessage.MAX_QUICK_REPLY_PAYLOAD), attachments, sent);
    }

}
