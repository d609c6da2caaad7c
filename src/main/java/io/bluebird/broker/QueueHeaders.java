package io.bluebird.broker;

import java.util.List;

import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The JMS headers of the hub's two main queues, set in Java because Camel's {@code ${body.x}} expressions build a
 * bean holder and a copy of the exchange for every field they read, on every message.
 */
@Component("queueHeaders")
public class QueueHeaders {

    /** JMS's own default, that of every other message. */
    static final int DEFAULT_JMS_PRIORITY = 4;

    /** The JMS properties {@link #ticketEvent} sets, besides the JMSPriority header. */
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
     * by one consumer at a time (JMSXGroupID); a new ticket of high or urgent priority goes before what waits
     * (JMSPriority, {@link #jmsPriority}).
     */
    public void ticketEvent(Message message) {
        TicketEvent event = message.getBody(TicketEvent.class);
        message.setHeader("type", event.type().value());
        message.setHeader("eventId", event.eventId());
        message.setHeader("conversationId", event.conversationId());
        message.setHeader("_AMQ_DUPL_ID", event.eventId());
        message.setHeader("JMSXGroupID", event.conversationId());
        message.setHeader("JMSPriority", jmsPriority(event));
    }

    /**
     * The broker hands out higher JMS priorities first. Only a conversation's first event is raised: it is the first
     * of its conversation on the queue, so nothing of its own waits before it; a later event raised (a priority that
     * rose) would overtake the conversation's events before it.
     */
    static int jmsPriority(TicketEvent event) {
        if (event.type() != TicketEventType.CREATED) {
            return DEFAULT_JMS_PRIORITY;
        }
        return switch (event.priority()) {
            case URGENT -> 8;
            case HIGH -> 6;
            case NORMAL, LOW -> DEFAULT_JMS_PRIORITY;
        };
    }
}
