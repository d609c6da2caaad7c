package io.bluebird.helpdesk.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.RequestTracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The way back from a real Request Tracker: an agent corresponds on the ticket in RT and resolves it, and RT's own
 * scrip (scripts/rt-initialdata-scrip, the one the README gives) posts to the hub's webhook; the agent's answer goes
 * out on the conversation's channel, the resolve sends the survey, and what the hub itself added to the ticket
 * (as the RT user bluebird) comes back as nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=rt",
        "bluebird.helpdesks.rt.type=rt",
        "bluebird.helpdesks.rt.username=bluebird",
        "bluebird.helpdesks.rt.password=bluebird-password",
        "bluebird.helpdesks.rt.conversation-field=Bluebird Conversation",
        "spring.datasource.url=jdbc:h2:mem:request-tracker-scrip;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class RequestTrackerScripRtIT {

    @DynamicPropertySource
    static void rtUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.rt.base-url", RequestTracker::startedUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    JmsTemplate jms;

    @Test
    void anAgentsAnswerAndTheResolveInRtComeBackThroughItsScrip() throws Exception {
        Files.writeString(Path.of("/var/lib/request-tracker5/bluebird-hook"),
                "http://127.0.0.1:" + port + "/webhooks/helpdesks/rt " + HubClient.TOKEN + "\n");
        HubClient hub = new HubClient(port);
        String handle = "scrip" + System.nanoTime();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String first = HubClient.dm(handle + "-1", "u-" + handle, handle, "My order never arrived")
                .replace("\"x\"", "\"webchat\"").replace("2026-11-22T10:00:00Z", now);
        hub.postMessage(first);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.conversationOf(handle).path("helpdeskTicketId").asText(null) != null);
        String ticketId = hub.conversationOf(handle).path("helpdeskTicketId").asText();
        hub.postMessage(first.replace(handle + "-1", handle + "-2").replace("My order never arrived", "Order 1234"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new RequestTracker().history(ticketId)).hasSize(2));

        asAgent("POST", "/ticket/" + ticketId + "/correspond",
                "{\"Content\": \"A new parcel left today.\", \"ContentType\": \"text/plain\"}");
        jms.setReceiveTimeout(30_000);
        JsonNode reply = HubClient.received(jms, "bluebird.outbound.webchat");
        assertThat(reply.path("purpose").asText()).as("the hub's own correspondence made no reply")
                .isEqualTo("agent-reply");
        assertThat(reply.path("text").asText()).isEqualTo("A new parcel left today.");
        assertThat(reply.path("recipientId").asText()).isEqualTo("u-" + handle);

        asAgent("PUT", "/ticket/" + ticketId, "{\"Status\": \"resolved\"}");
        JsonNode survey = HubClient.received(jms, "bluebird.outbound.webchat");
        assertThat(survey.path("purpose").asText()).isEqualTo("survey");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "solved".equals(hub.conversationOf(handle).path("status").asText()));
    }

    /** What an agent does in RT, as root through REST2. */
    private static void asAgent(String method, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RequestTracker.url() + "/REST/2.0" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (RequestTracker.USER + ":" + RequestTracker.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }
}
