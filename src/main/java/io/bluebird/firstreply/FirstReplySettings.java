package io.bluebird.firstreply;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.first-replies.<channel>}: the hub's one automatic reply to a new conversation. To a public post,
 * {@code public-reply} invites the customer to continue in private ({dmLink} is the channel's DM link); to a DM,
 * {@code welcome} offers {@code choices}. Placeholders: {name}, {handle}, {account}, {reference}, {dmLink}; in
 * dm-link also {prefill}, the URL-encoded {@code prefill} text. An empty text sends nothing of that kind.
 *
 * @param firstReplies Per channel, the one automatic reply to a new conversation: enabled, public-reply, dm-link,
 *     prefill, welcome and choices.
 */
@ConfigurationProperties("bluebird")
public record FirstReplySettings(Map<String, Channel> firstReplies) {

    public FirstReplySettings {
        firstReplies = firstReplies == null ? Map.of() : Map.copyOf(firstReplies);
    }

    public record Channel(boolean enabled, String publicReply, String dmLink, String prefill, String welcome,
                          List<Choice> choices) {
        public Channel {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** A choice of the welcome message: what the customer sees, and what is recorded as their choice. */
    public record Choice(String title, String value) {
    }
}
