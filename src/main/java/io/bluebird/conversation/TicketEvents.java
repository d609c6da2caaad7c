package io.bluebird.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.bluebird.model.Author;
import io.bluebird.model.Customer;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;

/** Builds the {@link TicketEvent} a conversation's new message becomes. */
public final class TicketEvents {

    private static final int SUBJECT_TEXT = 60;

    private TicketEvents() {
    }

    /**
     * The event id depends only on the message, so the same message always makes the same event: helpdesks and the
     * broker's duplicate detection can drop a repeat.
     */
    public static String eventIdOf(String messageId) {
        return UUID.nameUUIDFromBytes(("ticket-event:" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code history} is the conversation so far, oldest first, ending with the message the event is about. */
    public static TicketEvent of(String conversationId, String helpdeskTicketId, List<SocialMessage> history,
                                 Instant occurredAt) {
        SocialMessage message = history.get(history.size() - 1);
        SocialMessage first = history.get(0);
        TicketEventType type = history.size() == 1 ? TicketEventType.CREATED : TicketEventType.UPDATED;
        return new TicketEvent(TicketEvent.SCHEMA, type, eventIdOf(message.id()), occurredAt, conversationId,
                helpdeskTicketId, Priority.NORMAL, subject(first), customer(history), message, history,
                channelTags(message), null);
    }

    /**
     * The event of a later message on a conversation whose ticket has the history already: no history, so that a
     * message costs the same however long its conversation is. {@code customer} is the customer as the conversation
     * knows them, for a message the brand wrote.
     */
    public static TicketEvent later(String conversationId, String helpdeskTicketId, String subject, Author customer,
                                    SocialMessage message, Instant occurredAt) {
        Author who = message.direction() == Direction.IN ? message.author() : customer;
        return new TicketEvent(TicketEvent.SCHEMA, TicketEventType.UPDATED, eventIdOf(message.id()), occurredAt,
                conversationId, helpdeskTicketId, Priority.NORMAL, subject, customerOf(message.channel(), who), message,
                List.of(), channelTags(message), null);
    }

    static String subject(SocialMessage first) {
        String kind = switch (first.visibility()) {
            case PUBLIC -> "public message";
            case PRIVATE -> "private message";
        };
        Author customer = first.customer();
        String who = customer.handle() != null ? "@" + customer.handle()
                : customer.name() != null ? customer.name() : customer.id();
        String text = first.text() == null || first.text().isBlank() ? "(attachment)" : oneLine(first.text());
        if (text.length() > SUBJECT_TEXT) {
            text = text.substring(0, SUBJECT_TEXT - 1).stripTrailing() + "…";
        }
        return channelName(first.channel()) + " " + kind + " from " + who + ": " + text;
    }

    public static String channelName(String channel) {
        return switch (channel) {
            case "x" -> "X";
            case "messenger" -> "Messenger";
            case "instagram" -> "Instagram";
            case "bluesky" -> "Bluesky";
            default -> Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
        };
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The customer as their latest own message shows them (a name or follower count may have changed). */
    private static Customer customer(List<SocialMessage> history) {
        SocialMessage latest = history.get(history.size() - 1);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).direction() == Direction.IN) {
                latest = history.get(i);
                break;
            }
        }
        return customerOf(latest.channel(), latest.customer());
    }

    private static Customer customerOf(String channel, Author who) {
        return new Customer(channel, who.id(), who.handle(), who.name(), who.followers(), null);
    }

    /** Every event is tagged with its message's channel and visibility. */
    private static List<String> channelTags(SocialMessage message) {
        return List.of(message.channel(), message.visibility().name().toLowerCase());
    }
}
