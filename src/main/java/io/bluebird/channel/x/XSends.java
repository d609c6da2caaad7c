package io.bluebird.channel.x;

import java.util.Map;

import io.bluebird.channel.ChannelRefused;
import io.bluebird.conversation.NumberedChoices;
import io.bluebird.http.PathIds;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Sends as the brand on X: a public reply ({@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}; X lets
 * self-serve apps reply only to posts that mention or quote the brand, which is what conversations start from) or a
 * DM ({@code POST /2/dm_conversations/with/{id}/messages}). X DMs have no buttons: choices are numbered in the text.
 * Returns X's id of what was sent (the post id, the {@code dm_event_id}).
 */
@Component("xSends")
public class XSends {

    private final XApi api;

    public XSends(XApi api) {
        this.api = api;
    }

    public String send(OutboundMessage message) {
        String text = NumberedChoices.render(message.text(), message.quickReplies());
        if (message.visibility() == Visibility.PUBLIC) {
            if (message.inReplyTo() == null) {
                throw new ChannelRefused("a public reply on X needs the post it answers (inReplyTo)");
            }
            return api.call("POST", "/2/tweets", Map.of("text", text, "reply",
                    Map.of("in_reply_to_tweet_id", message.inReplyTo())), XApi.As.BRAND).body()
                    .path("data").path("id").asText();
        }
        return api.call("POST", "/2/dm_conversations/with/" + PathIds.encoded(message.recipientId()) + "/messages",
                Map.of("text", text), XApi.As.BRAND).body().path("data").path("dm_event_id").asText();
    }
}
