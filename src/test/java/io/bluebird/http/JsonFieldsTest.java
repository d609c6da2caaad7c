package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:05Z");

    @Test
    void epochMillisAreANumberOrAStringOfDigitsAndAbsentIsTheDefault() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(JsonFields.epochMillis(field("1795341600000"), "t", RECEIVED)).isEqualTo(at);
        assertThat(JsonFields.epochMillis(field("\"1795341600000\""), "t", RECEIVED)).isEqualTo(at);
        assertThat(JsonFields.epochMillis(null, "t", RECEIVED)).isEqualTo(RECEIVED);
        assertThat(JsonFields.epochMillis(field("null"), "t", RECEIVED)).isEqualTo(RECEIVED);
    }

    @Test
    void anUnreadableTimeIsRefusedNamingItsField() {
        for (String wrong : new String[] {"\"soon\"", "{}", "[1]", "true", "1.5", "\"\"", "-1",
                "99999999999999999999", "253402300800000"}) {
            assertRefused(() -> JsonFields.epochMillis(field(wrong), "entry[0].messaging[1].timestamp", RECEIVED),
                    "entry[0].messaging[1].timestamp");
        }
        for (String wrong : new String[] {"\"yesterday\"", "1795341600000", "{}", "\"+10000-01-01T00:00:00Z\""}) {
            assertRefused(() -> JsonFields.isoTime(field(wrong), "data.payload.created_at", RECEIVED),
                    "data.payload.created_at");
        }
        assertThat(JsonFields.isoTime(field("\"2026-11-22T10:00:00.000Z\""), "t", RECEIVED))
                .isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void anIdIsANonEmptyString() {
        assertThat(JsonFields.id(field("\"m_1\""), "message.mid", 3)).isEqualTo("m_1");
        assertRefused(() -> JsonFields.id(null, "message.mid", 3), "message.mid");
        assertRefused(() -> JsonFields.id(field("\"m_12\""), "message.mid", 3), "message.mid");
        for (String wrong : new String[] {"null", "12", "{\"id\": \"1\"}", "[\"1\"]", "\"\"", "\"  \"", "true"}) {
            assertRefused(() -> JsonFields.id(field(wrong), "sender.id", 128), "sender.id");
        }
    }

    /** What the door lets in fits its column: longer is refused before the acknowledgement, not after. */
    @Test
    void aTextIsAStringWithinItsLengthOrNothing() {
        assertThat(JsonFields.text(null, "name", 4)).isNull();
        assertThat(JsonFields.text(field("null"), "name", 4)).isNull();
        assertThat(JsonFields.text(field("\"Jane\""), "name", 4)).isEqualTo("Jane");
        assertRefused(() -> JsonFields.text(field("\"Jane Doe\""), "name", 4), "name");
        assertRefused(() -> JsonFields.text(field("{}"), "name", 4), "name");
        assertThat(JsonFields.atMost(null, "handle", 4)).isNull();
        assertThatThrownBy(() -> JsonFields.atMost("x".repeat(256), "author.handle", 255))
                .hasMessage("'author.handle' is longer than 255 characters");
    }

    @Test
    void aListIsAnArrayOrNothing() {
        assertThat(JsonFields.array(null, "entry")).isEmpty();
        assertThat(JsonFields.array(field("[1, 2]"), "entry")).hasSize(2);
        assertRefused(() -> JsonFields.array(field("{\"id\": 1}"), "entry"), "entry");
    }

    private static void assertRefused(Runnable read, String field) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getResponse().field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith("'" + field + "' ");
        });
    }

    private static JsonNode field(String json) {
        return HubClient.json("{\"f\": " + json + "}").get("f");
    }
}
