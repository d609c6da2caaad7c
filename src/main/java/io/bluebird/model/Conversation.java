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
        Instant createdAt,
        Instant updatedAt,
        List<SocialMessage> messages) {
}
