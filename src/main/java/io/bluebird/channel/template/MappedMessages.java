package io.bluebird.channel.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bluebird.channel.api.ApiMessages;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.SocialMessage;
import org.springframework.stereotype.Component;

/**
 * What the mapping of a templated channel (routes/channel-templates.yaml) made of what the channel sent: a message
 * or an array of messages in the SocialMessage contract's fields, without {@code id}, which is made here as every
 * channel makes it ({@link SocialMessage#idOf}), and without {@code channel}. Each message is held to what
 * {@code POST /api/messages} takes, so no mapping can spell the id another way or queue what the hub cannot thread.
 */
@Component("mappedMessages")
public class MappedMessages {

    private final ObjectMapper json;

    public MappedMessages(ObjectMapper json) {
        this.json = json;
    }

    /** {@code account} is the brand's account where the mapping names none; {@code mapped} a JSON value or a bean's. */
    public List<SocialMessage> of(String channel, String account, Object mapped) {
        JsonNode node = mapped instanceof JsonNode given ? given : json.valueToTree(mapped);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        List<SocialMessage> messages = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            if (!item.isObject()) {
                throw RequestRejected.badRequest(null, "the " + channel + " mapping made " + item.getNodeType()
                        + ", not a message object");
            }
            ObjectNode message = item.deepCopy();
            message.put("channel", channel);
            if (!message.hasNonNull("account")) {
                message.put("account", account);
            }
            messages.add(ApiMessages.validated(JsonRequests.value(json, bytes(message), SocialMessage.class,
                    "a SocialMessage from the " + channel + " mapping")));
        }
        return messages;
    }

    private byte[] bytes(JsonNode message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
