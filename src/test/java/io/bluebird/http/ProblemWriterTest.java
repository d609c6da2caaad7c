package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProblemWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCallerThatAcceptsProblemDetailsGetsRfc9457WithTheOldMembersAsExtensions() throws Exception {
        ProblemWriter.Answer answer = ProblemWriter.answer(
                Problem.of(400, "'author.id' is required: the channel's id of the customer", "author.id"),
                "application/problem+json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(names(body)).containsExactly("type", "title", "status", "detail", "error", "message", "field");
        assertThat(body.path("type").asText()).isEqualTo("https://bluebird.example/problems/invalid-field");
        assertThat(body.path("title").asText()).isEqualTo("Bad Request").isEqualTo(body.path("error").asText());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("detail").asText()).startsWith("'author.id' is required")
                .isEqualTo(body.path("message").asText());
        assertThat(body.path("field").asText()).isEqualTo("author.id");
    }

    @Test
    void anyOtherCallerGetsTheJsonItParsedBeforeProblemDetails() throws Exception {
        for (String accept : new String[] {null, "", "*/*", "application/json", "text/html,application/xhtml+xml",
                "application/problem+json;q=0", "not a media type"}) {
            ProblemWriter.Answer answer = ProblemWriter.answer(Problem.of(404, "no conversation with id 7", null), accept);

            assertThat(answer.contentType()).as(accept).isEqualTo("application/json");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(names(body)).as(accept).containsExactly("status", "error", "message");
            assertThat(body.path("error").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void problemDetailsAreChosenAmongOtherTypes() {
        assertThat(ProblemWriter.answer(Problem.of(401, "wrong bearer token", null),
                "application/json;q=0.5, application/problem+json").contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void eachKindHasItsStableTypeAndHttpsOwnKindsAreAboutBlank() throws Exception {
        Map<Problem, String> types = Map.of(
                Problem.of(400, "malformed JSON", null), "https://bluebird.example/problems/malformed-request",
                Problem.of(401, "wrong bearer token", null), "https://bluebird.example/problems/unauthorized",
                Problem.of(413, "too large", null), "https://bluebird.example/problems/body-too-large",
                Problem.of(415, "send JSON", null), "https://bluebird.example/problems/not-json",
                Problem.of(503, "send it again", null), "https://bluebird.example/problems/unavailable",
                Problem.of(403, "wrong hub.verify_token", null), "about:blank",
                Refusals.of(404, "GET"), "https://bluebird.example/problems/no-endpoint",
                Refusals.of(405, "DELETE"), "about:blank");
        for (Map.Entry<Problem, String> kind : types.entrySet()) {
            JsonNode body = JSON.readTree(ProblemWriter.answer(kind.getKey(), "application/problem+json").body());
            assertThat(body.path("type").asText()).as(kind.getKey().toString()).isEqualTo(kind.getValue());
        }
        assertThat(Refusals.of(405, "DELETE").title()).isEqualTo("Method Not Allowed");
        assertThat(Problem.of(413, "too large", null).title()).as("the README's name").isEqualTo("Payload Too Large");
    }

    @Test
    void aConflictSaysWhatConflictsInItsTitleAndDetail() throws Exception {
        Problem conflict = new RequestRejected(ProblemType.DEAD_LETTER_WITHOUT_QUEUE, 409,
                "dead letter ID:1 cannot be replayed: it does not say which queue it came from").getResponse();

        JsonNode body = JSON.readTree(ProblemWriter.answer(conflict, "application/problem+json").body());
        assertThat(body.path("type").asText()).isEqualTo("https://bluebird.example/problems/dead-letter-without-queue");
        assertThat(body.path("title").asText()).isEqualTo("Dead letter without its queue");
        assertThat(body.path("status").asInt()).isEqualTo(409);
    }

    private static List<String> names(JsonNode body) {
        return body.properties().stream().map(Map.Entry::getKey).toList();
    }
}
