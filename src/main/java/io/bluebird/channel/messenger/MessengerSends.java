package io.bluebird.channel.messenger;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.HttpAnswer;
import io.bluebird.conversation.Conversations;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.QuickReply;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The Send API ({@code POST {graph-base-url}/me/messages}) for Messenger and Instagram, within Meta's messaging
 * window (see {@link MessagingWindow}, judged on the customer's last message in the conversation). Returns the
 * {@code message_id} Meta gave the send, which is the mid its echo will carry. Throttling and server errors are
 * retried; any other refusal, and a closed window, is not.
 */
@Component("messengerSends")
public class MessengerSends {

    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;
    /** Graph API error codes that mean "not now" rather than "no": unknown, service, rate limits, throttling. */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 4, 17, 32, 341, 368, 613);

    private final MessengerSettings settings;
    private final Conversations conversations;
    private final ChannelHttp http;
    private final Clock clock;

    public MessengerSends(MessengerSettings settings, Conversations conversations, ChannelHttp http, Clock clock) {
        this.settings = settings;
        this.conversations = conversations;
        this.http = http;
        this.clock = clock;
    }

    public String send(OutboundMessage message) {
        MessagingWindow window = new MessagingWindow(settings.window(), settings.humanAgentWindow(),
                settings.humanAgentTag());
        MessagingWindow.Verdict verdict = window.judge(conversations.lastMessageFromCustomer(message.conversationId()),
                message.purpose(), clock.instant());
        if (verdict instanceof MessagingWindow.Refuse refuse) {
            throw new ChannelRefused(refuse.reason());
        }
        boolean tagged = ((MessagingWindow.Send) verdict).humanAgentTag();
        HttpAnswer response = post(http.toJson(request(message, tagged)));
        JsonNode answer = http.parse(response.body());
        if (response.statusCode() == 200 && answer.hasNonNull("message_id")) {
            return answer.path("message_id").asText();
        }
        JsonNode error = answer.path("error");
        String what = "the Send API answered " + response.statusCode() + ": " + error.path("message").asText("")
                + " (code " + error.path("code").asText("?") + (error.has("error_subcode")
                ? ", subcode " + error.path("error_subcode").asText() : "") + ")";
        if (response.statusCode() >= 500 || response.statusCode() == 429
                || TEMPORARY.contains(error.path("code").asInt(-1))) {
            throw new ChannelUnavailable(what, null);
        }
        throw new ChannelRefused(what);
    }

    /** The Send API body: a standard reply, or one tagged HUMAN_AGENT; choices as quick replies (13, 20 chars). */
    static Map<String, Object> request(OutboundMessage message, boolean humanAgentTag) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", message.text());
        List<QuickReply> choices = message.quickReplies();
        if (!choices.isEmpty()) {
            content.put("quick_replies", choices.stream().limit(MAX_QUICK_REPLIES)
                    .map(c -> Map.of("content_type", "text", "title", title(c.title()), "payload", c.payload()))
                    .toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", Map.of("id", message.recipientId()));
        body.put("messaging_type", humanAgentTag ? "MESSAGE_TAG" : "RESPONSE");
        if (humanAgentTag) {
            body.put("tag", "HUMAN_AGENT");
        }
        body.put("message", content);
        return body;
    }

    private static String title(String title) {
        return title.codePointCount(0, title.length()) <= MAX_TITLE ? title
                : title.substring(0, title.offsetByCodePoints(0, MAX_TITLE));
    }

    private HttpAnswer post(String body) {
        return http.send(http.client(settings.timeout()).post()
                .uri(URI.create(settings.graphBaseUrl() + "/me/messages"))
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + settings.pageAccessToken())
                .body(body), "the Send API");
    }

}
