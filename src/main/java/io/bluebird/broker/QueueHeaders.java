package io.bluebird.broker;

import java.util.List;

import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The JMS headers of the hub's two main queues, set in Java because Camel's {@code ${body.x}} expressions build a
 * bean holder and a copy of the exchange for every field they read, on every message.
 */
@Component("queueHeaders")
public class QueueHeaders {

    /** The JMS properties {@link #ticketEvent} sets. */
    static final List<String> TICKET_EVENT_PROPERTIES =
            List.of("type", "eventId", "conversationId", "_AMQ_DUPL_ID", "JMSXGroupID");

    /**
     * A message on {@code bluebird.inbound}: grouped by customer on the channel account (JMSXGroupID), so one
     * customer's messages are processed in order while other customers' go in parallel.
     */
    public void inbound(Message message) {
        SocialMessage body = message.getBody(SocialMessage.class);
        message.setHeader("JMSXGroupID", body.channel() + "|" + body.account() + "|" + body.customer().id());
        message.setHeader("messageId", body.id());
    }

    /**
     * A ticket event on {@code bluebird.tickets.<helpdesk>}: its type, id and conversation as properties; the
     * broker drops a second copy of the same event (_AMQ_DUPL_ID); one conversation's events are delivered in order,
     * by one consumer at a time (JMSXGroupID).
     */
    public void ticketEvent(Message message) {
        TicketEvent event = message.getBody(TicketEvent.class);
        message.setHeader("type", event.type().value());
        message.setHeader("eventId", event.eventId());
        message.setHeader("conversationId", event.conversationId());
        message.setHeader("_AMQ_DUPL_ID", event.eventId());
        message.setHeader("JMSXGroupID", event.conversationId());
    }
}
