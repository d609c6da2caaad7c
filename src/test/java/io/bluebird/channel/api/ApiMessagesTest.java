package io.bluebird.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class ApiMessagesTest {

    private final ApiMessages messages = new ApiMessages(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static final String VALID = """
            {"channel": "mastodon", "visibility": "public", "nativeId": "109", "account": "brand",
             "author": {"id": "77", "handle": "jdoe", "name": "Jane Doe", "followers": 12},
             "text": "Where is my parcel?", "createdAt": "2026-11-22T10:00:00Z"}""";

    @Test
    void readsAMessageAndFillsInItsIdAndDirection() {
        SocialMessage m = messages.read(bytes(VALID));

        assertThat(m.id()).isEqualTo("mastodon:public:109");
        assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(m.direction()).isEqualTo(Direction.IN);
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void privateMessagesAreDmsInTheirId() {
        SocialMessage m = messages.read(bytes(VALID.replace("\"public\"", "\"private\"")));
        assertThat(m.id()).isEqualTo("mastodon:dm:109");
    }

    @Test
    void anIdThatDoesNotMatchChannelVisibilityAndNativeIdIsRefused() {
        assertRefused(VALID.replace("{\"channel\"", "{\"id\": \"mastodon:dm:109\", \"channel\""), "id",
                "mastodon:public:109");
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        assertRefused("{\"channel\": \"x\",", null, "malformed JSON");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        assertRefused(VALID.replace("\"followers\": 12", "\"followers\": \"many\""), "author.followers", "many");
    }

    @Test
    void missingFieldsAreNamed() {
        assertRefused(VALID.replace("\"account\": \"brand\",", ""), "account", "required");
        assertRefused(VALID.replace("\"id\": \"77\", ", ""), "author.id", "required");
        assertRefused(VALID.replace("\"text\": \"Where is my parcel?\",", ""), "text", "required");
        assertRefused(VALID.replace("\"visibility\": \"public\",", ""), "visibility", "public");
    }

    @Test
    void anUnknownVisibilityIsRefused() {
        assertRefused(VALID.replace("\"public\"", "\"secret\""), "visibility", "secret");
    }

    @Test
    void aTimeTheHubCannotKeepIsRefusedAndNoneIsTheReceiveTime() {
        assertRefused(VALID.replace("2026-11-22T10:00:00Z", "+10000-01-01T00:00:00Z"), "createdAt", "9999");
        Instant before = Instant.now();
        assertThat(messages.read(bytes(VALID.replace(", \"createdAt\": \"2026-11-22T10:00:00Z\"", ""))).createdAt())
                .isBetween(before, Instant.now());
    }

    /** Jackson would take 0 and 1 for public and private; its errors name Java types. */
    @Test
    void visibilityIsOnlyItsDocumentedStringsAndTheAnswerSpeaksJson() {
        assertRefused(VALID.replace("\"public\"", "0"), "visibility",
                "'visibility' must be one of \"public\", \"private\", not 0");
        assertRefused(VALID.replace("\"public\"", "1"), "visibility", "not 1");
        assertRefused(VALID.replace("\"public\"", "17"), "visibility", "not 17");
        assertRefused(VALID.replace("\"public\"", "\"in\""), "visibility", "not \"in\"");
        assertRefused(VALID.replace("\"public\",", "\"public\", \"direction\": 1,"), "direction",
                "'direction' must be one of \"in\", \"out\", not 1");
        assertRefused(VALID.replace("\"text\": \"Where is my parcel?\"", "\"text\": [\"Where\"]"), "text",
                "'text' must be a string");
    }

    /** What is accepted fits the columns it lands in: the message id in 255 characters, user ids in 128. */
    @Test
    void anIdOrANameLongerThanItsColumnIsRefused() {
        String longest = "9".repeat(255 - "mastodon:public:".length());
        assertThat(messages.read(bytes(VALID.replace("\"109\"", "\"" + longest + "\""))).id()).hasSize(255);
        assertRefused(VALID.replace("\"109\"", "\"" + longest + "9\""), "nativeId", "longer than 239 characters");
        assertRefused(VALID.replace("\"brand\"", "\"" + "b".repeat(129) + "\""), "account", "128");
        assertRefused(VALID.replace("\"77\"", "\"" + "7".repeat(129) + "\""), "author.id", "128");
        assertRefused(VALID.replace("\"jdoe\"", "\"" + "j".repeat(256) + "\""), "author.handle", "255");
        assertRefused(VALID.replace("\"Jane Doe\"", "\"" + "J".repeat(256) + "\""), "author.name", "255");
        assertRefused(VALID.replace("\"text\"", "\"quickReplyPayload\": \"" + "q".repeat(1001) + "\", \"text\""),
                "quickReplyPayload", "1000");
        assertRefused(VALID.replace("\"visibility\": \"public\",", "\"visibility\": \"private\", \"direction\": \"out\","
                + " \"recipient\": {\"id\": \"" + "r".repeat(129) + "\"},"), "recipient.id", "128");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> messages.read(new byte[0])).isInstanceOf(RequestRejected.class)
                .hasMessageContaining("empty");
    }

    private void assertRefused(String json, String field, String messagePart) {
        assertThatThrownBy(() -> messages.read(bytes(json)))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(400);
                    assertThat(e.getResponse().field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(messagePart).doesNotContain("io.bluebird", "java.", "`");
                });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
