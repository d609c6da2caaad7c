package io.bluebird.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The way back through the packaged jar, with everything over the broker's TCP port as a JMS helpdesk and a
 * channel integration would use it: the helpdesk answers and solves on bluebird.helpdesk.events, the channel
 * integration reads what to send from bluebird.outbound.webchat, and the survey result comes back to the helpdesk.
 */
class WayBackIT {

    @Test
    void aJmsHelpdeskRepliesSolvesAndGetsTheSurveyResult() throws Exception {
        try (RunningHub hub = new RunningHub("way-back", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN)).start();
             ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(hub.brokerUrl());
             JMSContext jms = broker.createContext();
             JMSConsumer helpdesk = jms.createConsumer(jms.createQueue("bluebird.helpdesk.tickets"));
             JMSConsumer channel = jms.createConsumer(jms.createQueue("bluebird.outbound.webchat"))) {
            HubClient client = new HubClient(hub.port());
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String dm = HubClient.dm("wb-1", "u-wb", "wayback", "My order never arrived")
                    .replace("\"x\"", "\"webchat\"").replace("2026-11-22T10:00:00Z", now);
            assertThat(client.postMessage(dm).statusCode()).isEqualTo(202);
            JsonNode created = json(helpdesk.receive(20_000));
            String conversationId = created.path("conversationId").asText();

            jms.createProducer().send(jms.createQueue("bluebird.helpdesk.events"), """
                    {"type": "agent.reply", "conversationId": "%s", "text": "A new one ships today."}"""
                    .formatted(conversationId));
            jms.createProducer().send(jms.createQueue("bluebird.helpdesk.events"), """
                    {"type": "ticket.solved", "conversationId": "%s"}""".formatted(conversationId));

            JsonNode reply = json(channel.receive(20_000));
            JsonNode survey = json(channel.receive(20_000));
            assertThat(reply.path("text").asText()).isEqualTo("A new one ships today.");
            assertThat(reply.path("visibility").asText()).isEqualTo("private");
            assertThat(survey.path("purpose").asText()).isEqualTo("survey");
            assertThat(survey.path("quickReplies").path(4).path("payload").asText()).isEqualTo("csat:5");

            assertThat(client.postMessage(dm.replace("wb-1", "wb-2").replace("My order never arrived", "5"))
                    .statusCode()).isEqualTo(202);
            JsonNode result = json(helpdesk.receive(20_000));
            assertThat(result.path("type").asText()).isEqualTo("survey.completed");
            assertThat(result.path("survey").path("score").asInt()).isEqualTo(5);
            assertThat(json(channel.receive(20_000)).path("text").asText()).startsWith("Thank you");
            assertThat(client.getJson("/api/conversations/" + conversationId).path("status").asText())
                    .isEqualTo("solved");
        }
    }

    private static JsonNode json(Message message) throws Exception {
        assertThat(message).isNotNull();
        return HubClient.json(message.getBody(String.class));
    }
}
