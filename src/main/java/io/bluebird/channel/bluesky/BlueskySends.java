package io.bluebird.channel.bluesky;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.conversation.NumberedChoices;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Sends on Bluesky: a public reply is an {@code app.bsky.feed.post} record in the brand's repo whose
 * {@code reply.parent} is the customer's post and {@code reply.root} that post's thread root; a DM goes to the
 * conversation {@code getConvoForMembers} finds (or starts) with the customer. Bluesky has no buttons, so choices
 * are numbered in the text. Returns the id Bluesky gave the send (the post's at-uri, the chat message's id).
 */
@Component("blueskySends")
public class BlueskySends {

    private final BlueskyApi api;
    private final Clock clock;

    public BlueskySends(BlueskyApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public String send(OutboundMessage message) {
        String text = NumberedChoices.render(message.text(), message.quickReplies());
        return message.visibility() == Visibility.PUBLIC ? reply(message, text) : dm(message, text);
    }

    private String reply(OutboundMessage message, String text) {
        if (message.inReplyTo() == null) {
            throw new ChannelRefused("a public Bluesky reply needs the post it answers (inReplyTo)");
        }
        JsonNode posts = api.query("app.bsky.feed.getPosts", Map.of("uris", message.inReplyTo()), false)
                .path("posts");
        if (posts.isEmpty()) {
            throw new ChannelRefused("the Bluesky post " + message.inReplyTo() + " is gone");
        }
        JsonNode parent = posts.get(0);
        Map<String, String> parentRef = Map.of("uri", parent.path("uri").asText(), "cid", parent.path("cid").asText());
        JsonNode root = parent.path("record").path("reply").path("root");
        Map<String, String> rootRef = root.has("uri")
                ? Map.of("uri", root.path("uri").asText(), "cid", root.path("cid").asText()) : parentRef;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text);
        record.put("createdAt", clock.instant().toString());
        record.put("reply", Map.of("root", rootRef, "parent", parentRef));
        return api.procedure("com.atproto.repo.createRecord", Map.of("repo", api.did(),
                "collection", "app.bsky.feed.post", "record", record), false).path("uri").asText();
    }

    private String dm(OutboundMessage message, String text) {
        String convoId = api.query("chat.bsky.convo.getConvoForMembers", Map.of("members", message.recipientId()),
                true).path("convo").path("id").asText();
        return api.procedure("chat.bsky.convo.sendMessage", Map.of("convoId", convoId,
                "message", Map.of("text", text)), true).path("id").asText();
    }
}
