package io.bluebird.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.tickets}: what the ticket events the hub sends carry.
 *
 * @param history created: an event carries the conversation's history when it creates the ticket or reopens it, and
 *     the new message alone otherwise (a message costs the same however long its conversation); always: the history
 *     on every event, for a consumer that rebuilds its ticket from each one (default created).
 */
@ConfigurationProperties("bluebird.tickets")
public record TicketSettings(@DefaultValue("created") History history) {

    /** When a ticket event carries the conversation's history. */
    public enum History {
        CREATED, ALWAYS
    }
}
