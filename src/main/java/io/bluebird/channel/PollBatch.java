package io.bluebird.channel;

import java.util.List;

import io.bluebird.model.SocialMessage;

/**
 * What one poll of a channel found, oldest first, and where the poller got to: routes/polling.yaml queues the
 * messages and only then saves {@code position} under {@code cursor}, so a hub stopped in between polls again
 * (and drops what it had already queued as duplicates) instead of losing anything.
 */
public record PollBatch(String cursor, String position, List<SocialMessage> messages) {

    public PollBatch {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
