package io.bluebird.helpdesk;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.bluebird.conversation.ConversationStore;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.HelpdeskEvent;
import io.bluebird.model.HelpdeskEventType;
import org.springframework.stereotype.Component;

/**
 * Reads what helpdesks send back and finds the conversation it is about; an event that names no known conversation
 * is refused (404 over HTTP, the dead-letter queue over JMS), never dropped.
 */
@Component("helpdeskEvents")
public class HelpdeskEvents {

    private final ObjectReader reader;
    private final ConversationStore conversations;

    public HelpdeskEvents(ObjectMapper json, ConversationStore conversations) {
        this.reader = json.readerFor(HelpdeskEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.conversations = conversations;
    }

    public HelpdeskEvent read(byte[] body) {
        if (body == null || body.length == 0) {
            throw RequestRejected.badRequest(null, "the body is empty: expected a HelpdeskEvent JSON object");
        }
        HelpdeskEvent event;
        try {
            event = reader.readValue(body);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw RequestRejected.badRequest(field, (field == null ? "" : "'" + field + "': ") + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw RequestRejected.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRejected.badRequest(null, "unreadable body: " + e.getMessage());
        }
        if (event == null || event.type() == null) {
            throw RequestRejected.badRequest("type", "'type' is required: \"agent.reply\" or \"ticket.solved\"");
        }
        if (event.type() == HelpdeskEventType.AGENT_REPLY && (event.text() == null || event.text().isBlank())) {
            throw RequestRejected.badRequest("text", "'text' is required for agent.reply");
        }
        return event;
    }

    /** The event with its conversation id, found from the helpdesk's ticket id when that is what it gave. */
    public HelpdeskEvent resolve(HelpdeskEvent event) {
        if (event.conversationId() != null && !event.conversationId().isBlank()) {
            if (conversations.find(event.conversationId()).isEmpty()) {
                throw new RequestRejected(404, "no conversation " + event.conversationId());
            }
            return event;
        }
        if (event.helpdesk() == null || event.helpdeskTicketId() == null) {
            throw RequestRejected.badRequest("conversationId",
                    "'conversationId', or 'helpdesk' and 'helpdeskTicketId', are required");
        }
        return conversations.findByTicket(event.helpdesk(), event.helpdeskTicketId())
                .map(c -> event.withConversationId(c.id()))
                .orElseThrow(() -> new RequestRejected(404, "no conversation has ticket " + event.helpdeskTicketId()
                        + " of helpdesk " + event.helpdesk()));
    }
}
