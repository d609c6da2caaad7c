package io.bluebird.model;

import java.time.Instant;
import java.util.List;

/**
 * One message on a social channel, in or out, normalized so that every later stage is channel-agnostic.
 * {@code id} is {@code <channel>:<public|dm>:<nativeId>} and unique across the hub. {@code author} is who wrote it;
 * a message the brand wrote ({@code direction} out) also names the customer it was for in {@code recipient}, which
 * is how it finds the customer's conversation.
 */
public record SocialMessage(
        String id,
        String channel,
        Visibility visibility,
        Direction direction,
        String nativeId,
        String account,
        Author author,
        Author recipient,
        String text,
        String inReplyTo,
        String quickReplyPayload,
        List<Attachment> attachments,
        Instant createdAt) {

    /** The longest message id the hub keeps, with its channel and kind: {@link #maxNativeId} leaves for the rest. */
    public static final int MAX_ID = 255;
    /** The longest channel user id the hub keeps: the brand's account, the author, the recipient. */
    public static final int MAX_ACCOUNT_ID = 128;
    /** The longest handle or name. */
    public static final int MAX_NAME = 255;
    /** The longest quick-reply payload, Meta's own limit. */
    public static final int MAX_QUICK_REPLY_PAYLOAD = 1000;

    public SocialMessage {
        // the ids and texts as every database can store them (Nul)
        id = Nul.replaced(id);
        channel = Nul.replaced(channel);
        nativeId = Nul.replaced(nativeId);
        account = Nul.replaced(account);
        text = Nul.replaced(text);
        inReplyTo = Nul.replaced(inReplyTo);
        quickReplyPayload = Nul.replaced(quickReplyPayload);
        direction = direction == null ? Direction.IN : direction;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The customer whose conversation this message belongs to: the author, or the recipient of the brand's words. */
    public Author customer() {
        return direction == Direction.OUT ? recipient : author;
    }

    /** The longest native id a message of this channel and visibility can have within {@link #MAX_ID}. */
    public static int maxNativeId(String channel, Visibility visibility) {
        return MAX_ID - idOf(channel, visibility, "").length();
    }

    /** The id a message must have: the channel, whether it was public or a DM, and the channel's own id. */
    public static String idOf(String channel, Visibility visibility, String nativeId) {
        return channel + ":" + (visibility == Visibility.PUBLIC ? "public" : "dm") + ":" + nativeId;
    }
}
