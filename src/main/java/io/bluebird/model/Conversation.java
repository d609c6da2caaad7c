package io.bluebird.model;

import java.time.Instant;
import java.util.List;

/**
 * A customer's exchange with the brand, public and private, oldest message first, and the ticket it became.
 * {@code subject} is its ticket's, from the first message; {@code waitingSince} is when the oldest of the customer's messages the brand has not answered yet was written.
 */
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
        String subject,
        Instant waitingSince,
        List<SocialMessage> messages) {

    public static final String OPEN = "open";
    public static final String SOLVED = "solved";

    public Conversation withMessages(List<SocialMessage> all) {
        return new Conversation(id, channel, account, customer, status, helpdesk, helpdeskTicketId, priority,
                priorityRule, choice, createdAt, updatedAt, solvedAt, subject, waitingSince, all);
    }
}
