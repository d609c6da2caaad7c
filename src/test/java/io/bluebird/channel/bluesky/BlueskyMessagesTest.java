package io.bluebird.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import org.junit.jupiter.api.Test;

class BlueskyMessagesTest {

    static final String BRAND = "did:plc:brand";

    @Test
    void aReplyToTheBrandIsAPublicMessageAnsweringItsParent() {
        JsonNode reply = HubClient.json("""
                {"uri": "at://did:plc:jane/app.bsky.feed.post/3r", "cid": "bafy", "reason": "reply",
                 "author": {"did": "did:plc:jane", "handle": "jane.bsky.social", "displayName": "Jane"},
                 "record": {"text": "still waiting", "createdAt": "2026-11-22T10:00:00.000Z",
                            "reply": {"root": {"uri": "at://did:plc:brand/app.bsky.feed.post/1", "cid": "a"},
                                      "parent": {"uri": "at://did:plc:brand/app.bsky.feed.post/2", "cid": "b"}}},
                 "indexedAt": "2026-11-22T10:00:01.000Z"}""");

        assertThat(BlueskyMessages.isAboutTheBrand(reply, BRAND)).isTrue();
        SocialMessage message = BlueskyMessages.fromNotification(reply, BRAND, 42L);
        assertThat(message.id()).isEqualTo("bluesky:public:at://did:plc:jane/app.bsky.feed.post/3r");
        assertThat(message.inReplyTo()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/2");
        assertThat(message.author().followers()).isEqualTo(42L);
    }

    @Test
    void likesAndTheBrandsOwnPostsAreNotAboutTheBrand() {
        assertThat(BlueskyMessages.isAboutTheBrand(HubClient.json("""
                {"reason": "like", "author": {"did": "did:plc:jane"}}"""), BRAND)).isFalse();
        assertThat(BlueskyMessages.isAboutTheBrand(HubClient.json("""
                {"reason": "mention", "author": {"did": "did:plc:brand"}}"""), BRAND)).isFalse();
    }

    @Test
    void onlyNewChatMessagesCountAndTheBrandsAreItsWords() {
        JsonNode deleted = HubClient.json("""
                {"$type": "chat.bsky.convo.defs#logCreateMessage", "convoId": "c",
                 "message": {"$type": "chat.bsky.convo.defs#deletedMessageView", "id": "m0"}}""");
        JsonNode fromBrand = HubClient.json("""
                {"$type": "chat.bsky.convo.defs#logCreateMessage", "convoId": "c",
                 "message": {"$type": "chat.bsky.convo.defs#messageView", "id": "m1", "text": "Hi",
                             "sender": {"did": "did:plc:brand"}, "sentAt": "2026-11-22T10:00:00Z"}}""");

        assertThat(BlueskyMessages.createdMessage(deleted)).isNull();
        SocialMessage message = BlueskyMessages.fromChat(BlueskyMessages.createdMessage(fromBrand), BRAND,
                new Author("did:plc:jane", "jane.bsky.social", null, null, null));
        assertThat(message.direction()).isEqualTo(Direction.OUT);
        assertThat(message.customer().handle()).isEqualTo("jane.bsky.social");
    }
}
