package io.bluebird.helpdesk.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.TicketEventSchema;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub on its defaults (tickets to the jms helpdesk), read from the real embedded broker as a JMS-consuming
 * helpdesk would; and the hub's API refusing what it must refuse, with nothing reaching a queue.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.helpdesks.social-desk.type=jms",
        "bluebird.helpdesks.social-desk.queue=bluebird.helpdesk.social",
        "bluebird.routing.rules[0].name=mastodon-to-social-desk",
        "bluebird.routing.rules[0].helpdesk=social-desk",
        "bluebird.routing.rules[0].when.channel[0]=mastodon",
        "spring.datasource.url=jdbc:h2:mem:jms-delivery;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class JmsDeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;

    HubClient hub;
    JmsTemplate helpdesk;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        helpdesk = new JmsTemplate(connectionFactory);
        helpdesk.setReceiveTimeout(20_000);
    }

    @Test
    void aMessageArrivesAsATicketEventOnTheHelpdeskQueue() throws Exception {
        HttpResponse<String> accepted = hub.postMessage(HubClient.dm("1234858592", "3805104374", "jdoe",
                "My order never arrived"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(accepted.body()).path("id").asText()).isEqualTo("x:dm:1234858592");

        Message received = helpdesk.receive("bluebird.helpdesk.tickets");
        assertThat(received).isNotNull();
        JsonNode event = HubClient.json(received.getBody(String.class));

        TicketEventSchema.assertValid(event);
        assertThat(event.path("schema").asText()).isEqualTo("bluebird.ticket.v1");
        assertThat(event.path("type").asText()).isEqualTo("ticket.created");
        assertThat(event.path("eventId").asText()).isNotBlank();
        assertThat(event.path("priority").asText()).as("two days old: the long-wait rule").isEqualTo("high");
        assertThat(event.path("subject").asText()).isEqualTo("X private message from @jdoe: My order never arrived");
        assertThat(event.path("customer").path("followers").asLong()).isEqualTo(1200);
        assertThat(event.path("customer").path("crm").isNull()).isTrue();
        assertThat(event.path("message").path("text").asText()).isEqualTo("My order never arrived");
        assertThat(event.path("message").path("createdAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(event.path("history")).hasSize(1);
        assertThat(event.path("tags").toString()).isEqualTo("[\"x\",\"private\",\"priority-long-wait\"]");
        assertThat(received.getStringProperty("type")).isEqualTo("ticket.created");
        assertThat(received.getStringProperty("conversationId")).isEqualTo(event.path("conversationId").asText());
        assertThat(hub.getJson("/api/conversations/" + event.path("conversationId").asText().replace("-", "%2D"))
                .path("id").asText()).as("a path id is percent-decoded").isEqualTo(event.path("conversationId").asText());
        assertThat(hub.getJson("/api/customers/x%3A3805104374").path("conversations").path(0).path("id").asText())
                .isEqualTo(event.path("conversationId").asText());

        hub.postMessage(HubClient.dm("1234858592", "3805104374", "jdoe", "My order never arrived"));
        hub.postMessage(HubClient.dm("1234858593", "3805104374", "jdoe", "Order 1234"));

        Message next = helpdesk.receive("bluebird.helpdesk.tickets");
        JsonNode update = HubClient.json(next.getBody(String.class));
        TicketEventSchema.assertValid(update);
        assertThat(update.path("type").asText()).isEqualTo("ticket.updated");
        assertThat(update.path("conversationId").asText()).isEqualTo(event.path("conversationId").asText());
        assertThat(update.path("history")).as("the ticket has the history already").isEmpty();
        assertThat(update.path("message").path("text").asText()).isEqualTo("Order 1234");
        assertThat(update.path("subject").asText()).isEqualTo(event.path("subject").asText());
        helpdesk.setReceiveTimeout(1_000);
        assertThat(helpdesk.receive("bluebird.helpdesk.tickets")).as("the duplicate made no event").isNull();

        JsonNode conversation = hub.getJson("/api/conversations/" + event.path("conversationId").asText());
        assertThat(conversation.path("helpdesk").asText()).isEqualTo("jms");
        assertThat(conversation.path("messages").path(0).path("text").asText()).isEqualTo("My order never arrived");
        assertThat(conversation.path("messages").path(1).path("text").asText()).isEqualTo("Order 1234");
    }

    /** A second copy of an event on the delivery queue (the hub cannot always prevent one) is not handed over. */
    @Test
    void aSecondCopyOfADeliveredEventIsNotForwarded() throws Exception {
        hub.postMessage(HubClient.dm("1234858600", "3805104400", "jcopy", "Where is my parcel?"));
        Message first = helpdesk.receive("bluebird.helpdesk.tickets");
        assertThat(first).isNotNull();
        String body = first.getBody(String.class);
        JsonNode event = HubClient.json(body);
        // without the duplicate id, by which the broker would drop it before the route sees it
        helpdesk.send("bluebird.tickets.jms", session -> {
            TextMessage copy = session.createTextMessage(body);
            copy.setStringProperty("type", event.path("type").asText());
            copy.setStringProperty("eventId", event.path("eventId").asText());
            copy.setStringProperty("conversationId", event.path("conversationId").asText());
            copy.setStringProperty("JMSXGroupID", event.path("conversationId").asText());
            return copy;
        });
        helpdesk.setReceiveTimeout(2_000);
        assertThat(helpdesk.receive("bluebird.helpdesk.tickets")).as("the copy handed over").isNull();
    }

    @Test
    void aRoutingRuleSendsAConversationToAnotherHelpdeskForGood() throws Exception {
        String mastodon = HubClient.dm("m-1", "u-m", "routed", "Hello").replace("\"x\"", "\"mastodon\"");
        hub.postMessage(mastodon);
        hub.postMessage(mastodon.replace("m-1", "m-2"));

        Message first = helpdesk.receive("bluebird.helpdesk.social");
        Message second = helpdesk.receive("bluebird.helpdesk.social");
        assertThat(HubClient.json(first.getBody(String.class)).path("type").asText()).isEqualTo("ticket.created");
        assertThat(HubClient.json(second.getBody(String.class)).path("type").asText()).isEqualTo("ticket.updated");
        assertThat(hub.conversationOf("routed").path("helpdesk").asText()).isEqualTo("social-desk");
    }

    @Test
    void whatTheApiRefusesNeverReachesAQueue() {
        String valid = HubClient.dm("9001", "u9001", "refused", "hello");

        HttpResponse<String> noToken = hub.send(hub.request("/api/messages")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(valid)));
        HttpResponse<String> wrongToken = hub.send(hub.request("/api/messages").header("Authorization", "Bearer nope")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(valid)));
        HttpResponse<String> malformed = hub.postMessage("{\"channel\": ");
        HttpResponse<String> missingField = hub.postMessage(valid.replace("\"account\": \"4337869213\",", ""));
        HttpResponse<String> numberedVisibility = hub.postMessage(valid.replace("\"private\"", "1"));
        HttpResponse<String> longId = hub.postMessage(valid.replace("\"9001\"", "\"" + "9".repeat(251) + "\""));
        HttpResponse<String> tooLarge = hub.postMessage(valid.replace("hello", "x".repeat(300 * 1024)));
        HttpResponse<String> form = hub.send(hub.request("/api/messages").header("Authorization", "Bearer "
                + HubClient.TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(valid)));

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(malformed.body()).path("message").asText()).startsWith("malformed JSON");
        assertThat(missingField.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(missingField.body()).path("field").asText()).isEqualTo("account");
        assertThat(HubClient.badRequest(numberedVisibility).path("message").asText()).as("1 is not \"private\"")
                .startsWith("'visibility' must be one of \"public\", \"private\", not 1");
        assertThat(HubClient.badRequest(longId).path("field").asText()).as("x:dm: and the nativeId fit in 255 characters")
                .isEqualTo("nativeId");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(form.statusCode()).isEqualTo(415);
        for (HttpResponse<String> refused : new HttpResponse[] {noToken, wrongToken, malformed, tooLarge, form}) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(refused.headers().firstValue("Authorization")).isEmpty();
        }
        assertThat(hub.getJson("/api/conversations?handle=refused").path("conversations")).isEmpty();
    }

    @Test
    void anUnknownConversationIs404() {
        HttpResponse<String> response = hub.send(hub.request("/api/conversations/nope")
                .header("Authorization", "Bearer " + HubClient.TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HubClient.json(response.body()).path("message").asText()).contains("nope");
    }

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(hub.send(hub.request("/actuator/health/readiness").GET()).body()).contains("UP");
        assertThat(hub.send(hub.request("/actuator/health/liveness").GET()).body()).contains("UP");
        assertThat(hub.send(hub.request("/actuator/prometheus").GET()).body()).contains("jvm_memory_used_bytes");
    }
}
