package io.bluebird.firstreply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bluebird.conversation.Conversations;
import io.bluebird.conversation.Conversations;
import io.bluebird.model.Direction;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.OutboundPurpose;
import io.bluebird.model.QuickReply;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * The public-to-private handoff and the welcome message: at most one automatic reply per conversation, to its first
 * customer message, on channels where it is enabled. Choices go out as quick replies; channels without buttons
 * (X, Bluesky) number them in the text.
 */
@Component("firstReplies")
public class FirstReplies {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final FirstReplySettings settings;
    private final Conversations conversations;
    private final Clock clock;

    public FirstReplies(FirstReplySettings settings, Conversations conversations, Clock clock) {
        this.settings = settings;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The reply to send for this event, if any: a list of zero or one, so the route can split over it. */
    public List<OutboundMessage> plan(TicketEvent event) {
        SocialMessage message = event.message();
        FirstReplySettings.Channel channel = settings.firstReplies().get(message.channel());
        if (channel == null || !channel.enabled() || event.type() != TicketEventType.CREATED
                || message.direction() != Direction.IN) {
            return List.of();
        }
        String template = message.visibility() == Visibility.PUBLIC ? channel.publicReply() : channel.welcome();
        if (template == null || template.isBlank()
                || !conversations.markAcknowledged(event.conversationId(), clock.instant())) {
            return List.of();
        }
        String text = fill(template, channel, event);
        List<QuickReply> choices = message.visibility() == Visibility.PRIVATE ? channel.choices().stream()
                .map(c -> new QuickReply(c.title(), Conversations.CHOICE_PREFIX + c.value())).toList() : List.of();
        return List.of(new OutboundMessage(UUID.randomUUID().toString(), event.conversationId(), message.channel(),
                message.account(), message.visibility(), message.author().id(),
                message.visibility() == Visibility.PUBLIC ? message.nativeId() : null, text, choices,
                OutboundPurpose.ACKNOWLEDGEMENT, clock.instant()));
    }

    static String fill(String template, FirstReplySettings.Channel channel, TicketEvent event) {
        SocialMessage message = event.message();
        String reference = event.conversationId().substring(0, Math.min(8, event.conversationId().length()));
        Map<String, String> values = Map.of(
                "name", orEmpty(message.author().name() != null ? message.author().name() : message.author().handle()),
                "handle", orEmpty(message.author().handle()),
                "account", message.account(),
                "reference", reference);
        String prefill = replace(orEmpty(channel.prefill()), values);
        String dmLink = replace(orEmpty(channel.dmLink()), with(values, "prefill",
                URLEncoder.encode(prefill, StandardCharsets.UTF_8).replace("+", "%20")));
        return replace(template, with(values, "dmLink", dmLink)).strip();
    }

    /**
     * Every placeholder of the template filled in one pass: a customer whose name or handle is "{account}" or
     * "{dmLink}" is greeted by that name, never by what it would have become had the filled text been read again.
     */
    private static String replace(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : placeholder.group()));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> more = new HashMap<>(values);
        more.put(name, value);
        return more;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
