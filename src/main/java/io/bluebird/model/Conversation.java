package io.bluebird.model;

import java.time.Instant;
import java.util.List;

/** A customer's exchange with the brand, public and private, oldest message first, and the ticket it became. */
public record Conversation(
        String id,
        String channel,
        String account,
        Author customer,
        String status,
        String helpdesk,
        String helpdeskTicketId,
        Priority priority,
        String priorityRule,
        String choice,
        Instant createdAt,
        Instant updatedAt,
        Instant solvedAt,
        List<SocialMessage> messages) {

    public static final String OPEN = "open";
    public static final String SOLVED = "solved";

    public Conversation withMessages(List<SocialMessage> all) {
        return new Conversation(id, channel, account, customer, status, helpdesk, helpdeskTicketId, priority,
                priorityRule, choice, createdAt, updatedAt, solvedAt, all);
    }
}
