package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.HubClient.RawAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat and Spring refuse before any route sees it, over a real socket (java.net.http will not send most of
 * these): the hub's JSON error with the status, never Tomcat's HTML page or Spring's own error JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:container-errors;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class ContainerErrorsTest {

    @LocalServerPort
    int port;

    @Test
    void pathsTomcatRefusesAreAnsweredAsJson() {
        HubClient hub = new HubClient(port);
        List<String> refused = List.of("/api/conversations/a%2Fb", "/api/conversations/a%00b",
                "/api/conversations/a%zzb", "/api/conversations/a%5Cb", "/api/conversations/a\\b",
                "/api/conversations/..%2F..%2Fetc", "/api/conversations/" + "a".repeat(10_000),
                "/api/dead-letters/ID%3Aa%2Fb/replay", "/webhooks/helpdesks/%00");
        for (String path : refused) {
            assertHubError(hub.raw(path), 400);
        }
        assertThat(field(hub.raw("/api/conversations/a%2Fb"), "message")).contains("%2F");
    }

    @Test
    void aHeaderOverTheLimitIsAnsweredAsJson() {
        HubClient hub = new HubClient(port);
        assertHubError(hub.rawRequest("GET /api/conversations?handle=a HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(9_000) + "\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void whatNoRouteServesIsAnsweredAsJsonEvenToABrowser() {
        HubClient hub = new HubClient(port);
        RawAnswer unknown = hub.rawRequest("GET /nothing-here HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html,application/xhtml+xml\r\nConnection: close\r\n\r\n");
        RawAnswer wrongMethod = hub.rawRequest("DELETE /api/messages HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertHubError(unknown, 404);
        assertHubError(wrongMethod, 405);
        assertThat(field(wrongMethod, "message")).startsWith("DELETE is not allowed");
        assertHubError(hub.raw("/error"), 404);
    }

    /** The hub's error shape: status, reason, message; nothing else (no path, no timestamp, no trace). */
    private static void assertHubError(RawAnswer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/json");
        JsonNode error = HubClient.json(answer.body());
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.properties()).extracting(java.util.Map.Entry::getKey)
                .isSubsetOf("status", "error", "message", "field");
    }

    private static String field(RawAnswer answer, String name) {
        return HubClient.json(answer.body()).path(name).asText();
    }
}
