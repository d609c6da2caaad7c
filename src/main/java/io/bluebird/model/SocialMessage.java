package io.bluebird.model;

import java.time.Instant;
import java.util.List;

/**
 * One message on a social channel, in or out, normalized so that every later stage is channel-agnostic.
 * {@code id} is {@code <channel>:<public|dm>:<nativeId>} and unique across the hub.
 */
public record SocialMessage(
        String id,
        String channel,
        Visibility visibility,
        Direction direction,
        String nativeId,
        String account,
        Author author,
        String text,
        String inReplyTo,
        String quickReplyPayload,
        List<Attachment> attachments,
        Instant createdAt) {

    public SocialMessage {
        direction = direction == null ? Direction.IN : direction;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The id a message must have: the channel, whether it was public or a DM, and the channel's own id. */
    public static String idOf(String channel, Visibility visibility, String nativeId) {
        return channel + ":" + (visibility == Visibility.PUBLIC ? "public" : "dm") + ":" + nativeId;
    }
}
