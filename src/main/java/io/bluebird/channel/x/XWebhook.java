package io.bluebird.channel.x;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.Hmac;
import io.bluebird.http.JsonFields;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The X Activity API's webhook: the CRC challenge X repeats about hourly, and each delivery (one envelope,
 * {@code data.event_type} and {@code payload}) checked against {@code x-twitter-webhooks-signature} over the raw
 * bytes, for the configured brand account only, as SocialMessages.
 */
@Component("xWebhook")
public class XWebhook {

    private static final Logger log = LoggerFactory.getLogger(XWebhook.class);
    private static final Set<String> POSTS = Set.of("post.mention.create", "post.reply.create", "post.quote.create");
    private static final Set<String> DMS = Set.of("dm.received", "dm.sent");

    private final XSettings settings;
    private final ObjectMapper json;

    public XWebhook(XSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    public Map<String, String> crc(String crcToken) {
        if (crcToken == null || crcToken.isBlank()) {
            throw RequestRejected.badRequest("crc_token", "'crc_token' is required");
        }
        return Map.of("response_token", "sha256=" + Hmac.sha256Base64(secret(),
                crcToken.getBytes(StandardCharsets.UTF_8)));
    }

    public List<SocialMessage> read(byte[] body, String signature) {
        String expected = "sha256=" + Hmac.sha256Base64(secret(), body == null ? new byte[0] : body);
        if (signature == null || !Hmac.matches(expected, signature)) {
            throw new RequestRejected(401, signature == null ? "missing x-twitter-webhooks-signature"
                    : "wrong x-twitter-webhooks-signature");
        }
        JsonNode data = JsonRequests.object(json, body, "an X Activity API delivery {\"data\": {...}}").path("data");
        String type = data.path("event_type").asText();
        String user = data.path("filter").path("user_id").asText();
        String brand = settings.accountId();
        if (!user.equals(brand)) {
            log.warn("X delivery {} for user {} ignored: bluebird.x.account-id is {}", data.path("event_uuid").asText(),
                    user, brand);
            return List.of();
        }
        JsonNode payload = data.path("payload");
        List<SocialMessage> messages = new ArrayList<>();
        if (POSTS.contains(type)) {
            XMessages.fromPost(payload, XMessages.includedUsers(data.path("includes").get("users"),
                            "data.includes.users"), brand, "data.payload")
                    .ifPresent(messages::add);
        } else if (DMS.contains(type)) {
            JsonNode events = JsonFields.array(payload.get("direct_message_events"),
                    "data.payload.direct_message_events");
            for (int i = 0; i < events.size(); i++) {
                XMessages.fromDmEvent(events.get(i), XMessages.usersById(payload.path("users"), "data.payload.users"),
                                brand, "data.payload.direct_message_events[" + i + "]")
                        .filter(m -> "dm.sent".equals(type) == (m.direction() == Direction.OUT))
                        .ifPresent(messages::add);
            }
        }
        return messages;
    }

    private String secret() {
        if (!XSettings.isSet(settings.consumerSecret())) {
            throw new RequestRejected(401, "X is not configured: set bluebird.x.consumer-secret");
        }
        return settings.consumerSecret();
    }
}
