package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bluebird.model.HelpdeskEvent;
import io.bluebird.model.HelpdeskEventType;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

/** Refusals say what is wrong in the contract's words: never a Java type, a parser setting or an enum's index. */
class JsonRequestsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void anEnumIsOnlyItsDocumentedStrings() {
        assertThat(event("{\"type\": \"ticket.solved\", \"visibility\": \"private\"}").type())
                .isEqualTo(HelpdeskEventType.TICKET_SOLVED);
        assertThat(event("{\"type\": \"agent.reply\", \"visibility\": \"public\"}").visibility())
                .isEqualTo(Visibility.PUBLIC);
        assertRefused("{\"type\": 0}", "type", "'type' must be one of \"agent.reply\", \"ticket.solved\", not 0");
        assertRefused("{\"type\": \"agent.reply\", \"visibility\": 1}", "visibility",
                "'visibility' must be one of \"public\", \"private\", not 1");
        assertRefused("{\"type\": \"agent.reply\", \"visibility\": 17}", "visibility", "not 17");
        assertRefused("{\"type\": \"agent.reply\", \"visibility\": \"1\"}", "visibility", "not \"1\"");
        assertRefused("{\"type\": \"closed\"}", "type", "not \"closed\"");
    }

    @Test
    void aValueOfTheWrongShapeSaysWhatTheFieldMustBe() {
        assertRefused("{\"type\": \"agent.reply\", \"text\": {\"body\": \"hi\"}}", "text", "'text' must be a string");
        assertRefused("{\"type\": [\"agent.reply\"]}", "type", "'type' must be one of");
        assertThatThrownBy(() -> JsonRequests.value(json, bytes("""
                {"channel": "x", "author": ["3805104374"], "attachments": {}}"""), SocialMessage.class, "a message"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.getResponse().field()).isEqualTo("author");
                    assertThat(e.getMessage()).startsWith("'author' must be an object");
                });
        assertThatThrownBy(() -> JsonRequests.value(json, bytes("""
                {"channel": "x", "attachments": [{"url": []}]}"""), SocialMessage.class, "a message"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.getResponse().field()).isEqualTo("attachments[0].url");
                    assertThat(e.getMessage()).startsWith("'attachments[0].url' must be a string");
                });
        assertRefused("[{\"type\": \"agent.reply\"}]", null, "expected a HelpdeskEvent");
        assertRefused("null", null, "expected a HelpdeskEvent");
    }

    @Test
    void aBodyBeyondTheParsersLimitsIsMalformedWithoutItsSettings() {
        assertRefused("{\"extra\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", null, "malformed JSON: Document nesting depth");
        assertRefused("{\"type\": ", null, "malformed JSON");
    }

    @Test
    void aFieldGivenTwiceOrASecondValueIsMalformed() {
        assertRefused("{\"type\": \"agent.reply\", \"type\": \"ticket.solved\"}", null,
                "malformed JSON: Duplicate field 'type'");
        assertRefused("{\"type\": \"ticket.solved\"} {\"type\": \"agent.reply\"}", null,
                "malformed JSON: a second value after the first (line 1, column 27)");
        assertRefused("{\"type\": \"ticket.solved\"} ]", null, "malformed JSON");
        assertThat(event("{\"type\": \"ticket.solved\"}\n").type()).isEqualTo(HelpdeskEventType.TICKET_SOLVED);
        assertThatThrownBy(() -> JsonRequests.object(json, bytes("{\"data\": {\"id\": 1, \"id\": 2}}"), "an object"))
                .hasMessageStartingWith("malformed JSON: Duplicate field 'id'");
        assertThatThrownBy(() -> JsonRequests.object(json, bytes("{} {}"), "an object"))
                .hasMessageStartingWith("malformed JSON: a second value after the first");
    }

    private HelpdeskEvent event(String body) {
        return JsonRequests.value(json, bytes(body), HelpdeskEvent.class, "a HelpdeskEvent");
    }

    private void assertRefused(String body, String field, String message) {
        assertThatThrownBy(() -> event(body)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getResponse().field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message).doesNotContain("io.bluebird", "java.", "Jackson", "`",
                    "index", "Feature");
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
