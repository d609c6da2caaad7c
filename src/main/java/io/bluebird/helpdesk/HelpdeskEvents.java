package io.bluebird.helpdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.conversation.Conversations;
import io.bluebird.http.JsonRequests;
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

    private final ObjectMapper json;
    private final Conversations conversations;

    public HelpdeskEvents(ObjectMapper json, Conversations conversations) {
        this.json = json;
        this.conversations = conversations;
    }

    public HelpdeskEvent read(byte[] body) {
        HelpdeskEvent event = JsonRequests.value(json, body, HelpdeskEvent.class, "a HelpdeskEvent JSON object");
        if (event.type() == null) {
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
            if (conversations.findState(event.conversationId()).isEmpty()) {
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
