package io.bluebird.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.conversation.Conversations;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.TicketEvent;
import org.springframework.stereotype.Component;

/** Turns a send the channel refused into an internal note on the conversation's ticket, so no agent is misled. */
@Component("outboundFailures")
public class OutboundFailures {

    private final Conversations conversations;
    private final ObjectMapper json;

    public OutboundFailures(Conversations conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    /** {@code outbound} is the OutboundMessage JSON as it was on the queue. */
    public TicketEvent note(String outbound, String reason) throws JsonProcessingException {
        OutboundMessage message = json.readValue(outbound, OutboundMessage.class);
        return conversations.recordNote(message.conversationId(), "Bluebird could not deliver this "
                + message.purpose().value() + " on " + message.channel() + ": " + reason
                + "\n\nThe customer did not get:\n" + message.text());
    }
}
