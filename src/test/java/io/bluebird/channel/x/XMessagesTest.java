package io.bluebird.channel.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.channel.PollBatch;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class XMessagesTest {

    static final String BRAND = "4337869213";
    static final Function<String, Author> USERS = XMessages.includedUsers(HubClient.json("""
            [{"id": "3805104374", "username": "jdoe", "name": "Jane Doe", "verified": true,
              "public_metrics": {"followers_count": 1200}}]"""), "includes.users");
    static final Function<String, Author> NO_USERS = XMessages.usersById(HubClient.json("{}"), "data.payload.users");

    @Test
    void aReplyToAPostKeepsWhatItAnswers() {
        JsonNode post = HubClient.json("""
                {"id": "1001", "text": "@brand still broken", "author_id": "3805104374", "created_at": "2026-11-22T10:00:00.000Z",
                 "referenced_tweets": [{"type": "replied_to", "id": "999"}]}""");

        SocialMessage message = XMessages.fromPost(post, USERS, BRAND, "data.payload").orElseThrow();

        assertThat(message.id()).isEqualTo("x:public:1001");
        assertThat(message.inReplyTo()).isEqualTo("999");
        assertThat(message.author().handle()).isEqualTo("jdoe");
        assertThat(message.author().followers()).isEqualTo(1200);
        assertThat(message.author().verified()).isTrue();
        assertThat(message.createdAt()).hasToString("2026-11-22T10:00:00Z");
    }

    @Test
    void repostsAndTheBrandsOwnPostsAreNotMessages() {
        assertThat(XMessages.fromPost(HubClient.json("""
                {"id": "1", "text": "RT", "author_id": "3805104374",
                 "referenced_tweets": [{"type": "retweeted", "id": "2"}]}"""), USERS, BRAND, "data.payload")).isEmpty();
        assertThat(XMessages.fromPost(HubClient.json("""
                {"id": "3", "text": "Our news", "author_id": "4337869213"}"""), USERS, BRAND, "data.payload")).isEmpty();
    }

    @Test
    void aDmFromTheBrandIsTheBrandsWordsToTheCustomer() {
        JsonNode event = HubClient.json("""
                {"type": "message_create", "id": "4002", "created_timestamp": "1763805600000",
                 "message_create": {"sender_id": "4337869213", "target": {"recipient_id": "3805104374"},
                                    "message_data": {"text": "Tracking: XY123"}}}""");
        JsonNode users = HubClient.json("""
                {"3805104374": {"data": {"id": "3805104374", "username": "jdoe", "name": "Jane Doe"}}}""");

        SocialMessage message = XMessages.fromDmEvent(event, XMessages.usersById(users, "data.payload.users"), BRAND,
                        "data.payload.direct_message_events[0]")
                .orElseThrow();

        assertThat(message.direction()).isEqualTo(Direction.OUT);
        assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(message.customer().handle()).isEqualTo("jdoe");
        assertThat(message.author().id()).isEqualTo(BRAND);
    }

    /** What is acknowledged must be storable: a missing time is the receive time, an unreadable one a 400. */
    @Test
    void aMessageWithoutATimeGetsTheReceiveTimeAndAnUnreadableOneIsRefused() {
        Instant before = Instant.now();
        SocialMessage post = XMessages.fromPost(HubClient.json("""
                {"id": "1001", "text": "@brand hi", "author_id": "3805104374"}"""), USERS, BRAND, "data.payload")
                .orElseThrow();
        SocialMessage dm = XMessages.fromDmEvent(HubClient.json("""
                {"type": "message_create", "id": "4003", "created_timestamp": null,
                 "message_create": {"sender_id": "3805104374", "target": {"recipient_id": "4337869213"},
                                    "message_data": {"text": "hi"}}}"""), NO_USERS, BRAND,
                "data.payload.direct_message_events[0]").orElseThrow();
        assertThat(post.createdAt()).isBetween(before, Instant.now());
        assertThat(dm.createdAt()).isBetween(before, Instant.now());

        assertThatThrownBy(() -> XMessages.fromPost(HubClient.json("""
                {"id": "1001", "text": "@brand hi", "author_id": "3805104374", "created_at": "yesterday"}"""),
                USERS, BRAND, "data.payload"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getResponse().field())
                        .isEqualTo("data.payload.created_at"));
        assertThatThrownBy(() -> XMessages.fromDmEvent(HubClient.json("""
                {"type": "message_create", "id": "4004", "created_timestamp": {"ms": 1},
                 "message_create": {"sender_id": "3805104374", "target": {"recipient_id": "4337869213"}}}"""),
                NO_USERS, BRAND, "data.payload.direct_message_events[2]"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getResponse().field())
                        .isEqualTo("data.payload.direct_message_events[2].created_timestamp"));
    }

    /** Null or non-string ids would make every such message x:dm: and every such customer "". */
    @Test
    void anIdThatIsNotAStringIsRefusedNamingItsField() {
        assertThatThrownBy(() -> XMessages.fromPost(HubClient.json("""
                {"id": null, "text": "@brand hi", "author_id": "3805104374"}"""), USERS, BRAND, "data.payload"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getResponse().field())
                        .isEqualTo("data.payload.id"));
        assertThatThrownBy(() -> XMessages.fromDmEvent(HubClient.json("""
                {"type": "message_create", "id": "4005",
                 "message_create": {"sender_id": {"id": "3805104374"}, "target": {"recipient_id": "4337869213"}}}"""),
                NO_USERS, BRAND, "data.payload.direct_message_events[0]"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getResponse().field())
                        .isEqualTo("data.payload.direct_message_events[0].message_create.sender_id"));
        assertThatThrownBy(() -> XMessages.fromV2DmEvent(HubClient.json("""
                {"id": "6003", "event_type": "MessageCreate", "text": "hi", "sender_id": "3805104374",
                 "participant_ids": ["3805104374", ["4337869213"]]}"""), USERS, BRAND, "data[1]"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getResponse().field())
                        .isEqualTo("data[1].participant_ids[1]"));
    }

    /** The message id (x:public: or x:dm: and the native id) fits in 255 characters, a user id in 128. */
    @Test
    void anIdOrANameLongerThanItsColumnIsRefusedNamingItsField() {
        String longest = "1".repeat(246);
        assertThat(XMessages.fromPost(HubClient.json("""
                {"id": "%s", "text": "@brand hi", "author_id": "3805104374"}""".formatted(longest)), USERS, BRAND,
                "data.payload").orElseThrow().id()).hasSize(255);
        assertRefusedAt(() -> XMessages.fromPost(HubClient.json("""
                {"id": "%s", "text": "@brand hi", "author_id": "3805104374"}""".formatted(longest + "1")), USERS,
                BRAND, "data.payload"), "data.payload.id");
        assertRefusedAt(() -> XMessages.fromDmEvent(HubClient.json("""
                {"type": "message_create", "id": "%s",
                 "message_create": {"sender_id": "3805104374", "target": {"recipient_id": "4337869213"}}}"""
                .formatted("1".repeat(251))), NO_USERS, BRAND, "data.payload.direct_message_events[0]"),
                "data.payload.direct_message_events[0].id");
        assertRefusedAt(() -> XMessages.fromDmEvent(HubClient.json("""
                {"type": "message_create", "id": "4006",
                 "message_create": {"sender_id": "%s", "target": {"recipient_id": "4337869213"}}}"""
                .formatted("3".repeat(129))), NO_USERS, BRAND, "data.payload.direct_message_events[0]"),
                "data.payload.direct_message_events[0].message_create.sender_id");
        assertRefusedAt(() -> XMessages.fromPost(HubClient.json("""
                {"id": "1001", "text": "@brand hi", "author_id": "3805104374"}"""), XMessages.includedUsers(
                HubClient.json("[{\"id\": \"3805104374\", \"username\": \"%s\"}]".formatted("j".repeat(256))),
                "data.includes.users"), BRAND, "data.payload"), "data.includes.users[0].username");
    }

    private static void assertRefusedAt(Runnable read, String field) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(RequestRejected.class,
                e -> assertThat(e.getResponse().field()).isEqualTo(field));
    }

    @Test
    void aPolledDmFindsItsCustomerInTheParticipants() {
        JsonNode event = HubClient.json("""
                {"id": "6002", "event_type": "MessageCreate", "text": "Order 42", "sender_id": "3805104374",
                 "participant_ids": ["3805104374", "4337869213"], "created_at": "2026-11-22T10:00:00.000Z"}""");

        SocialMessage message = XMessages.fromV2DmEvent(event, USERS, BRAND, "data[0]").orElseThrow();

        assertThat(message.id()).isEqualTo("x:dm:6002");
        assertThat(message.direction()).isEqualTo(Direction.IN);
        assertThat(message.author().name()).isEqualTo("Jane Doe");
        assertThat(XPolling.newer("10000000000000000001", "9999999999999999999")).isTrue();
    }

    /** Where the webhook brings the DMs, the DM poller spends no X call (and takes no lease). */
    @Test
    void theDmPollerStaysStillWhenTheWebhookBringsTheDms() {
        XSettings mentionsOnly = new XSettings(null, null, null, BRAND, null, null, null, null,
                new XSettings.Poll(null, false, null), null);

        PollBatch batch = new XPolling(mentionsOnly, null, null, null, Clock.systemUTC()).directMessages();

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.position()).isNull();
        assertThat(new XSettings(null, null, null, null, null, null, null, null, null, null).poll().directMessages())
                .as("by default, polling takes both").isTrue();
    }
}
