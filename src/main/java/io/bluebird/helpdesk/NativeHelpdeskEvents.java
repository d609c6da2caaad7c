package io.bluebird.helpdesk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.ApiToken;
import io.bluebird.http.Hmac;
import io.bluebird.http.JsonRequests;
import io.bluebird.http.PathIds;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.HelpdeskEvent;
import io.bluebird.model.HelpdeskEventType;
import org.springframework.stereotype.Component;

/**
 * A helpdesk's own webhook (a Zendesk trigger, a Freshdesk automation, an RT scrip) on
 * {@code POST /webhooks/helpdesks/<name>}, read as HelpdeskEvents. All three post the same small JSON, which their
 * templates fill in: {@code ticket_id}, optionally {@code conversation_id} (the ticket's external id, which is the
 * conversation's), {@code comment} (the agent's public reply, if the call is about one) and {@code status}. A
 * comment becomes an agent.reply, a solved/resolved/closed status a ticket.solved, after the reply when both come in
 * one call. Zendesk calls are checked by their signature when the helpdesk has a {@code webhook-secret}; any call
 * may instead carry the hub's API bearer token.
 */
@Component("nativeHelpdeskEvents")
public class NativeHelpdeskEvents {

    private static final Set<String> SOLVED = Set.of("solved", "closed", "resolved");

    private final HelpdeskConfig config;
    private final ApiToken apiToken;
    private final ObjectMapper json;

    public NativeHelpdeskEvents(HelpdeskConfig config, ApiToken apiToken, ObjectMapper json) {
        this.config = config;
        this.apiToken = apiToken;
        this.json = json;
    }

    public List<HelpdeskEvent> read(String pathName, byte[] body, String authorization, String zendeskSignature,
                                    String zendeskTimestamp) {
        String helpdesk = PathIds.decoded(pathName, "helpdesk");
        HelpdeskSettings settings = config.helpdesks().get(helpdesk);
        if (settings == null) {
            throw new RequestRejected(404, "no helpdesk '" + helpdesk + "' under bluebird.helpdesks");
        }
        // Camel hands an empty body over as null: signed, it is checked as the empty bytes it is
        byte[] bytes = body == null ? new byte[0] : body;
        authenticate(settings, bytes, authorization, zendeskSignature, zendeskTimestamp);
        JsonNode call = JsonRequests.object(json, bytes, "a JSON object {\"ticket_id\", \"comment\", \"status\"}");
        String ticketId = text(call, "ticket_id");
        String conversationId = text(call, "conversation_id");
        if (ticketId == null && conversationId == null) {
            throw RequestRejected.badRequest("ticket_id", "'ticket_id' (or 'conversation_id') is required");
        }
        List<HelpdeskEvent> events = new ArrayList<>();
        String comment = text(call, "comment");
        if (comment != null) {
            events.add(new HelpdeskEvent(HelpdeskEventType.AGENT_REPLY, conversationId, helpdesk, ticketId, comment,
                    null));
        }
        String status = text(call, "status");
        if (status != null && SOLVED.contains(status.toLowerCase(Locale.ROOT))) {
            events.add(new HelpdeskEvent(HelpdeskEventType.TICKET_SOLVED, conversationId, helpdesk, ticketId, null,
                    null));
        }
        return events;
    }

    private void authenticate(HelpdeskSettings settings, byte[] body, String authorization, String signature,
                              String timestamp) {
        if (settings instanceof ZendeskSettings zendesk && zendesk.webhookSecret() != null
                && !zendesk.webhookSecret().isBlank() && signature != null) {
            byte[] stamp = (timestamp == null ? "" : timestamp).getBytes(StandardCharsets.UTF_8);
            byte[] signed = Arrays.copyOf(stamp, stamp.length + body.length);
            System.arraycopy(body, 0, signed, stamp.length, body.length);
            if (!Hmac.matches(Hmac.sha256Base64(zendesk.webhookSecret(), signed), signature)) {
                throw new RequestRejected(401, "wrong X-Zendesk-Webhook-Signature");
            }
            return;
        }
        apiToken.check(authorization);
    }


    /** A field as text; blank (an empty placeholder) counts as absent. */
    private static String text(JsonNode call, String field) {
        JsonNode value = call.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
