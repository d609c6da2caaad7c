package io.bluebird.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/**
 * Helpdesk events through the running hub: an agent's reply leaves on the conversation's outbound queue as a DM or
 * a public reply as the conversation requires, and an event the hub cannot act on is refused, never lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:agent-replies;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class AgentReplyTest {

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;

    HubClient hub;
    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
    }

    @Test
    void aReplyToAPrivateConversationIsADm() throws Exception {
        String conversationId = ticketFor(HubClient.dm("r-1", "u-r1", "dmcustomer", "Where is my parcel?")
                .replace("\"x\"", "\"webchat\""));

        HttpResponse<String> accepted = hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "%s", "text": "It ships today."}""".formatted(conversationId));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode reply = HubClient.received(jms, "bluebird.outbound.webchat");
        assertThat(reply.path("visibility").asText()).isEqualTo("private");
        assertThat(reply.path("recipientId").asText()).isEqualTo("u-r1");
        assertThat(reply.path("inReplyTo").isNull()).isTrue();
        assertThat(reply.path("text").asText()).isEqualTo("It ships today.");
        assertThat(reply.path("purpose").asText()).isEqualTo("agent-reply");
    }

    @Test
    void aReplyToAPublicConversationAnswersTheLatestPublicPostUnlessTheAgentAsksForPrivate() throws Exception {
        String first = publicPost("p-1", "u-p1", "publiccustomer", "Your app is down");
        String conversationId = ticketFor(first);
        hub.postMessage(publicPost("p-2", "u-p1", "publiccustomer", "Still down"));
        jms.receive("bluebird.helpdesk.tickets");

        hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "%s", "text": "We are on it.", "visibility": "public"}"""
                .formatted(conversationId));
        JsonNode reply = HubClient.received(jms, "bluebird.outbound.forum");
        assertThat(reply.path("visibility").asText()).isEqualTo("public");
        assertThat(reply.path("inReplyTo").asText()).isEqualTo("p-2");

        hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "%s", "text": "Your account number?", "visibility": "private"}"""
                .formatted(conversationId));
        JsonNode dm = HubClient.received(jms, "bluebird.outbound.forum");
        assertThat(dm.path("visibility").asText()).isEqualTo("private");
        assertThat(dm.path("recipientId").asText()).isEqualTo("u-p1");
    }

    @Test
    void theTicketIdOfTheHelpdeskFindsTheConversation() throws Exception {
        String conversationId = ticketFor(HubClient.dm("t-1", "u-t1", "byticket", "Hello")
                .replace("\"x\"", "\"webchat\""));
        JsonNode conversation = hub.getJson("/api/conversations/" + conversationId);
        assertThat(conversation.path("helpdesk").asText()).isEqualTo("jms");

        // a JMS helpdesk has no ticket id of its own: it names the conversation; by helpdesk + ticket id is 404 here
        HttpResponse<String> unknownTicket = hub.postHelpdeskEvent("""
                {"type": "agent.reply", "helpdesk": "zendesk", "helpdeskTicketId": "999", "text": "Hi"}""");
        assertThat(unknownTicket.statusCode()).isEqualTo(404);
        assertThat(HubClient.json(unknownTicket.body()).path("message").asText())
                .isEqualTo("no conversation has ticket 999 of helpdesk zendesk");
    }

    /** Freshdesk automations and RT scrips post the same small JSON, with the hub's bearer token. */
    @Test
    void aHelpdesksOwnWebhookWithTheBearerTokenIsMappedOntoTheEvents() throws Exception {
        String conversationId = ticketFor(HubClient.dm("w-1", "u-w1", "nativewebhook", "Hello")
                .replace("\"x\"", "\"webchat\""));

        HttpResponse<String> replied = hub.send(hub.request("/webhooks/helpdesks/jms")
                .header("Authorization", "Bearer " + HubClient.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"conversation_id": "%s", "comment": "Hi from the desk", "status": "Open"}"""
                        .formatted(conversationId))));
        HttpResponse<String> noToken = hub.send(hub.request("/webhooks/helpdesks/jms")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"conversation_id\": \"x\", \"comment\": \"Hi\"}")));
        HttpResponse<String> noSuchHelpdesk = hub.send(hub.request("/webhooks/helpdesks/nope")
                .header("Authorization", "Bearer " + HubClient.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket_id\": \"1\"}")));

        assertThat(replied.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(replied.body()).path("accepted").asInt()).isEqualTo(1);
        assertThat(HubClient.received(jms, "bluebird.outbound.webchat").path("text").asText()).isEqualTo("Hi from the desk");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noSuchHelpdesk.statusCode()).isEqualTo(404);
    }

    @Test
    void whatCannotBeActedOnIsRefusedWithAReason() {
        HttpResponse<String> unknown = hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "no-such-conversation", "text": "Hi"}""");
        HttpResponse<String> noType = hub.postHelpdeskEvent("""
                {"conversationId": "c", "text": "Hi"}""");
        HttpResponse<String> badType = hub.postHelpdeskEvent("""
                {"type": "ticket.deleted", "conversationId": "c"}""");
        HttpResponse<String> noText = hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "c"}""");
        HttpResponse<String> numberedType = hub.postHelpdeskEvent("""
                {"type": 0, "conversationId": "c", "text": "Hi"}""");
        HttpResponse<String> numberedVisibility = hub.postHelpdeskEvent("""
                {"type": "agent.reply", "conversationId": "c", "text": "Hi", "visibility": 17}""");
        HttpResponse<String> malformed = hub.postHelpdeskEvent("{\"type\": ");
        HttpResponse<String> noToken = hub.send(hub.request("/api/helpdesk-events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"ticket.solved\", \"conversationId\": \"c\"}")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(HubClient.json(unknown.body()).path("message").asText())
                .isEqualTo("no conversation no-such-conversation");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(noType.body()).path("field").asText()).isEqualTo("type");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(badType.body()).path("field").asText()).isEqualTo("type");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(noText.body()).path("field").asText()).isEqualTo("text");
        assertThat(HubClient.badRequest(numberedType).path("message").asText())
                .as("an enum is its documented strings, not their index").isEqualTo("'type' must be one of \"agent.reply\", \"ticket.solved\", not 0 (line 1, column 10)");
        assertThat(HubClient.badRequest(numberedVisibility).path("message").asText())
                .startsWith("'visibility' must be one of \"public\", \"private\", not 17");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void anEventOnTheJmsQueueForNoKnownConversationIsDeadLetteredWithTheReason() throws Exception {
        jms.convertAndSend("bluebird.helpdesk.events", """
                {"type": "agent.reply", "conversationId": "gone", "text": "Hi"}""");

        Message dead = jms.receive("bluebird.dead-letters");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).isEqualTo("no conversation gone");
        assertThat(dead.getStringProperty("deadLetterFrom")).isEqualTo("bluebird.helpdesk.events");
    }

    /** The JMS door reads events as the HTTP door does: a number is not an event type. */
    @Test
    void anEventOnTheJmsQueueWithANumberForItsTypeIsDeadLetteredWithTheReason() throws Exception {
        jms.convertAndSend("bluebird.helpdesk.events", """
                {"type": 1, "conversationId": "gone"}""");

        Message dead = jms.receive("bluebird.dead-letters");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason"))
                .startsWith("'type' must be one of \"agent.reply\", \"ticket.solved\", not 1");
    }

    private String ticketFor(String message) throws Exception {
        assertThat(hub.postMessage(message).statusCode()).isEqualTo(202);
        Message created = jms.receive("bluebird.helpdesk.tickets");
        assertThat(created).isNotNull();
        return HubClient.json(created.getBody(String.class)).path("conversationId").asText();
    }



    static String publicPost(String nativeId, String authorId, String handle, String text) {
        return HubClient.dm(nativeId, authorId, handle, text).replace("\"x\"", "\"forum\"")
                .replace("\"private\"", "\"public\"");
    }
}
