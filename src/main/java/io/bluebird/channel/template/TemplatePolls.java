package io.bluebird.channel.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.PollBatch;
import org.springframework.stereotype.Component;

/**
 * The polling-channel template's steps (routes/channel-templates.yaml): the query of each poll, and what one poll
 * found as a {@link PollBatch}, so routes/polling.yaml queues the messages before it moves the cursor.
 */
@Component("templatePolls")
public class TemplatePolls {

    private final MappedMessages messages;

    public TemplatePolls(MappedMessages messages) {
        this.messages = messages;
    }

    /** The fixed query, then {@code cursorParameter=cursor} once the poller has a cursor. */
    public String query(String query, String cursorParameter, String cursor) {
        if (cursor == null) {
            return query;
        }
        String next = cursorParameter + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        return query == null || query.isBlank() ? next : query + "&" + next;
    }

    /** {@code position}: where this page leaves the poller, null or JSON null on an empty page (the cursor stays). */
    public PollBatch batch(String cursor, JsonNode position, String channel, String account, Object mapped) {
        String at = position == null || position.isNull() || position.isMissingNode() ? null : position.asText();
        return new PollBatch(cursor, at, messages.of(channel, account, mapped));
    }
}
