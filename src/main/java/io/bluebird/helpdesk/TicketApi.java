package io.bluebird.helpdesk;

import java.util.List;

import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;

/**
 * The ticket calls of one kind of HTTP helpdesk (Zendesk, Freshdesk, Request Tracker): each call as that helpdesk's
 * API wants it. {@link HelpdeskTickets} decides which calls an event needs, the same way for every helpdesk.
 */
public interface TicketApi {

    /** The {@code bluebird.helpdesks.<name>.type} this API serves. */
    String type();

    /**
     * Whether {@link #hasEvent} can tell an update the helpdesk already took. Only then may a delivery consumer take
     * several events in one transaction: after a crash, the whole batch is sent again.
     */
    boolean findsRepeatedUpdates();

    /**
     * The ticket a create made though the hub never heard its answer (a crash, a lost connection), found on the
     * helpdesk; null when there is none, or when the helpdesk's own idempotency answers a repeated create.
     */
    String existingTicket(String helpdesk, TicketEvent event);

    /**
     * Creates the conversation's ticket, with the event's history, priority, requester, tags and fields, and
     * {@code joined}: the conversation's messages that waited behind the event's, oldest first.
     */
    String create(String helpdesk, TicketEvent event, List<SocialMessage> joined);

    /** Whether the ticket already has the update this event makes; false where the helpdesk cannot tell. */
    default boolean hasEvent(String helpdesk, String ticketId, TicketEvent event) {
        return false;
    }

    /**
     * Adds the update's messages to the ticket (none: a message an earlier call carried), reopening it and raising
     * its priority where the update says so.
     */
    void update(String helpdesk, String ticketId, TicketUpdate update);

    /** Puts the survey result on the ticket: a note for agents, and the score in the survey field if one is set. */
    void addSurveyResult(String helpdesk, String ticketId, TicketEvent event);

    /** Adds tags to the ticket and keeps its others; a tag the ticket has already is no change. */
    void addTags(String helpdesk, String ticketId, List<String> tags);
}
