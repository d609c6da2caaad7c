package io.bluebird.model;

import java.time.Instant;
import java.util.List;

/**
 * What the hub asks a channel to send, on {@code bluebird.outbound.<channel>}. {@code visibility} public is a
 * public reply to the customer's post {@code inReplyTo} (a native id); private is a DM to {@code recipientId}.
 */
public record OutboundMessage(
        String id,
        String conversationId,
        String channel,
        String account,
        Visibility visibility,
        String recipientId,
        String inReplyTo,
        String text,
        List<QuickReply> quickReplies,
        OutboundPurpose purpose,
        Instant requestedAt) {

    public OutboundMessage {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }
}
