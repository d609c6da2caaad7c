package io.bluebird.helpdesk.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.RequestTracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub delivering to a real Request Tracker 5 (Debian's package, started by scripts/rt-test-server.sh), read
 * back through RT's own REST2 API: the ticket and its custom field, the customer's words as correspondence, the
 * brand's as comments, the survey result, and the same create redelivered after a crash making no second ticket.
 * Run by the Maven profile rt ({@code mvn verify -Prt}), which .ci/run uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=rt",
        "bluebird.helpdesks.rt.type=rt",
        "bluebird.helpdesks.rt.queue=General",
        "bluebird.helpdesks.rt.username=" + RequestTracker.USER,
        "bluebird.helpdesks.rt.password=" + RequestTracker.PASSWORD,
        "bluebird.helpdesks.rt.conversation-field=Bluebird Conversation",
        "spring.datasource.url=jdbc:h2:mem:request-tracker;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class RequestTrackerRtIT {

    @DynamicPropertySource
    static void rtUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.rt.base-url", RequestTracker::startedUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jms;

    final RequestTracker rt = new RequestTracker();

    @Test
    void aConversationIsOneRtTicketWithItsCorrespondenceCommentsAndSurvey() throws Exception {
        HubClient hub = new HubClient(port);
        String handle = "rt" + System.nanoTime();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String first = HubClient.dm(handle + "-1", "u-" + handle, handle, "My order never arrived")
                .replace("\"x\"", "\"webchat\"").replace("2026-11-22T10:00:00Z", now);
        hub.postMessage(first);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.conversationOf(handle).path("helpdeskTicketId").asText(null) != null);
        JsonNode conversation = hub.conversationOf(handle);
        String ticketId = conversation.path("helpdeskTicketId").asText();

        JsonNode ticket = rt.get("/ticket/" + ticketId);
        assertThat(ticket.path("Subject").asText()).isEqualTo("Webchat private message from @" + handle
                + ": My order never arrived");
        assertThat(ticket.path("Requestor").toString()).contains("webchat-u-" + handle + "@users.bluebird.invalid");
        assertThat(rt.ticketsOf(conversation.path("id").asText())).containsExactly(ticketId);

        hub.postMessage(first.replace(handle + "-1", handle + "-2").replace("My order never arrived", "Order 1234"));
        hub.postMessage(("{\"channel\": \"webchat\", \"visibility\": \"private\", \"direction\": \"out\","
                + " \"nativeId\": \"" + handle + "-3\", \"account\": \"4337869213\","
                + " \"author\": {\"id\": \"4337869213\"}, \"recipient\": {\"id\": \"u-" + handle + "\"},"
                + " \"text\": \"Checking with the courier\", \"createdAt\": \"" + now + "\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rt.history(ticketId)).hasSize(3));
        List<String> history = rt.history(ticketId);
        assertThat(history.get(0)).startsWith("Create: My order never arrived");
        assertThat(history.get(1)).startsWith("Correspond: Order 1234");
        assertThat(history.get(2)).startsWith("Comment: Checking with the courier").contains("the brand on Webchat");

        solve(hub, ticketId);
        // the solve is processed from its queue: the answer must not overtake it
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "solved".equals(hub.conversationOf(handle).path("status").asText()));
        hub.postMessage(first.replace(handle + "-1", handle + "-4").replace("My order never arrived", "5"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rt.history(ticketId)).hasSize(4));
        assertThat(rt.history(ticketId).get(3)).startsWith("Comment: Survey answered: CSAT 5/5");
    }

    @Test
    void theSameCreateRedeliveredAfterACrashFindsTheTicketInsteadOfMakingAnother() throws Exception {
        HubClient hub = new HubClient(port);
        String handle = "crash" + System.nanoTime();
        hub.postMessage(HubClient.dm(handle + "-1", "u-" + handle, handle, "Hello RT"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.conversationOf(handle).path("helpdeskTicketId").asText(null) != null);
        JsonNode conversation = hub.conversationOf(handle);
        String conversationId = conversation.path("id").asText();
        String ticketId = conversation.path("helpdeskTicketId").asText();

        // as after a crash between RT's 201 and the hub's commit: the hub never recorded the ticket, and the
        // broker hands the same ticket.created event to the delivery route again
        jdbc.update("update conversation set helpdesk_ticket_id = null where id = ?", conversationId);
        jdbc.update("delete from delivered_event where event_id in (select event_id from message"
                + " where conversation_id = ?)", conversationId);
        String eventId = jdbc.queryForObject("select event_id from message where conversation_id = ?", String.class,
                conversationId);
        String event = recreatedEvent(hub, conversationId, eventId);
        jms.convertAndSend("bluebird.tickets.rt", event, message -> {
            message.setStringProperty("eventId", eventId);
            message.setStringProperty("conversationId", conversationId);
            message.setStringProperty("type", "ticket.created");
            return message;
        });

        await().atMost(Duration.ofSeconds(30)).until(() ->
                ticketId.equals(hub.conversationOf(handle).path("helpdeskTicketId").asText(null)));
        assertThat(rt.ticketsOf(conversationId)).containsExactly(ticketId);
        assertThat(rt.ticketsRequestedBy("x-u-" + handle + "@users.bluebird.invalid")).containsExactly(ticketId);
    }

    /** The ticket.created event of the conversation, as the process stage made it. */
    private static String recreatedEvent(HubClient hub, String conversationId, String eventId) {
        JsonNode conversation = hub.getJson("/api/conversations/" + conversationId);
        JsonNode message = conversation.path("messages").path(0);
        return """
                {"schema": "bluebird.ticket.v1", "type": "ticket.created", "eventId": "%s",
                 "occurredAt": "%s", "conversationId": "%s", "helpdeskTicketId": null, "priority": "normal",
                 "subject": "X private message", "customer": {"channel": "x", "id": "%s", "handle": "%s",
                 "name": "Jane Doe", "followers": 1200, "crm": null},
                 "message": %s, "history": [%s], "tags": ["x", "private"], "survey": null}"""
                .formatted(eventId, Instant.now(), conversationId, message.path("author").path("id").asText(),
                        message.path("author").path("handle").asText(), message, message);
    }

    private static void solve(HubClient hub, String ticketId) {
        assertThat(hub.send(hub.request("/api/helpdesk-events").header("Authorization", "Bearer " + HubClient.TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "ticket.solved", "helpdesk": "rt", "helpdeskTicketId": "%s"}""".formatted(ticketId))))
                .statusCode()).isEqualTo(202);
    }
}
