package io.bluebird.conversation;

import java.time.Instant;

import io.bluebird.model.SocialMessage;

/** A message as the hub keeps it: which conversation it joined, the ticket event it caused, and whether that got out. */
record StoredMessage(SocialMessage message, long seq, String conversationId, String eventId, Instant receivedAt,
                     Instant deliveredAt) {
}
