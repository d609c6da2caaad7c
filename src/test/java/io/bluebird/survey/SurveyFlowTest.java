package io.bluebird.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.TicketEventSchema;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/**
 * Solve → survey → answer through the running hub, with a JMS helpdesk and a channel without a connector (its
 * outbound queue read as its integration would): the survey, the result on the ticket and on the also-to queue, the
 * thanks, the comment, and what is not a survey answer.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.survey.channels.shop.type=nps",
        "bluebird.survey.also-to=survey-results",
        "bluebird.helpdesks.survey-results.type=jms",
        "bluebird.helpdesks.survey-results.queue=bluebird.survey.results",
        "spring.datasource.url=jdbc:h2:mem:survey-flow;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class SurveyFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    SurveyMetrics metrics;

    HubClient hub;
    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
    }

    @Test
    void aSolvedTicketGetsOneSurveyWhoseAnswerGoesBackToTheHelpdesk() throws Exception {
        String conversationId = ticketFor(dm("livechat", "s-1", "u-s1", "surveyed", "My order is late"));

        assertThat(solve(conversationId).statusCode()).isEqualTo(202);
        JsonNode survey = HubClient.received(jms, "bluebird.outbound.livechat");
        assertThat(survey.path("purpose").asText()).isEqualTo("survey");
        assertThat(survey.path("visibility").asText()).isEqualTo("private");
        assertThat(survey.path("recipientId").asText()).isEqualTo("u-s1");
        assertThat(survey.path("text").asText()).startsWith("Hi Jane Doe, your request is solved. How satisfied");
        assertThat(survey.path("quickReplies")).hasSize(5);
        assertThat(survey.path("quickReplies").path(3).path("payload").asText()).isEqualTo("csat:4");
        assertThat(survey.path("quickReplies").path(3).path("title").asText()).isEqualTo("★★★★");

        hub.postMessage(tapped("livechat", "s-2", "u-s1", "surveyed", "★★★★", "csat:4"));

        JsonNode result = HubClient.received(jms, "bluebird.helpdesk.tickets");
        TicketEventSchema.assertValid(result);
        assertThat(result.path("type").asText()).isEqualTo("survey.completed");
        assertThat(result.path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(result.path("survey").path("type").asText()).isEqualTo("csat");
        assertThat(result.path("survey").path("score").asInt()).isEqualTo(4);
        assertThat(result.path("survey").path("scale").asText()).isEqualTo("1-5");
        assertThat(result.path("survey").path("comment").isNull()).isTrue();
        assertThat(result.path("tags").toString()).contains("\"survey\"", "\"csat_4\"");
        JsonNode copy = HubClient.json(jms.receive("bluebird.survey.results").getBody(String.class));
        assertThat(copy.path("type").asText()).isEqualTo("survey.completed");
        assertThat(copy.path("eventId").asText()).isNotEqualTo(result.path("eventId").asText());
        assertThat(HubClient.received(jms, "bluebird.outbound.livechat").path("text").asText()).startsWith("Thank you for your answer!");

        hub.postMessage(dm("livechat", "s-3", "u-s1", "surveyed", "The courier was very kind"));
        JsonNode commented = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(commented.path("type").asText()).isEqualTo("survey.completed");
        assertThat(commented.path("survey").path("score").asInt()).isEqualTo(4);
        assertThat(commented.path("survey").path("comment").asText()).isEqualTo("The courier was very kind");
        jms.receive("bluebird.survey.results");

        solve(conversationId);
        jms.setReceiveTimeout(1_000);
        assertThat(jms.receive("bluebird.outbound.livechat")).as("no second survey, no second thanks").isNull();

        JsonNode conversation = hub.getJson("/api/conversations/" + conversationId);
        assertThat(conversation.path("status").asText()).as("answers never reopen").isEqualTo("solved");
        assertThat(conversation.path("survey").path("score").asInt()).isEqualTo(4);
        assertThat(conversation.path("survey").path("comment").asText()).isEqualTo("The courier was very kind");
        assertThat(conversation.path("messages")).hasSize(3);

        metrics.refresh();
        JsonNode summary = hub.getJson("/api/surveys/summary");
        JsonNode livechat = rowOf(summary, "livechat");
        assertThat(livechat.path("sent").asLong()).isEqualTo(1);
        assertThat(livechat.path("answered").asLong()).isEqualTo(1);
        assertThat(livechat.path("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(livechat.path("csatAverage").asDouble()).isEqualTo(4.0);
        assertThat(livechat.path("helpdesk").asText()).isEqualTo("jms");
        String prometheus = hub.send(hub.request("/actuator/prometheus").GET()).body();
        assertThat(prometheus).contains("bluebird_surveys_csat_average{channel=\"livechat\",helpdesk=\"jms\",type=\"csat\"} 4.0");
    }

    @Test
    void onAChannelWithoutButtonsABareNumberIsTheAnswerAndAnythingElseIsAMessage() throws Exception {
        String conversationId = ticketFor(dm("shop", "n-1", "u-n1", "npscustomer", "Refund please"));
        solve(conversationId);
        JsonNode survey = HubClient.received(jms, "bluebird.outbound.shop");
        assertThat(survey.path("quickReplies")).hasSize(11);
        assertThat(survey.path("text").asText()).contains("recommend us");

        hub.postMessage(dm("shop", "n-2", "u-n1", "npscustomer", "11"));
        JsonNode outOfRange = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(outOfRange.path("type").asText()).as("11 is no NPS score: an ordinary message")
                .isEqualTo("ticket.updated");
        assertThat(outOfRange.path("tags").toString()).contains("reopened");

        hub.postMessage(dm("shop", "n-3", "u-n1", "npscustomer", " 9 "));
        JsonNode result = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(result.path("type").asText()).isEqualTo("survey.completed");
        assertThat(result.path("survey").path("score").asInt()).isEqualTo(9);
        assertThat(result.path("survey").path("scale").asText()).isEqualTo("0-10");
    }

    @Test
    void aLateAnswerIsAnOrdinaryMessage() throws Exception {
        String conversationId = ticketFor(dm("webchat", "l-1", "u-l1", "late", "Hello"));
        solve(conversationId);
        HubClient.received(jms, "bluebird.outbound.webchat");

        String fourDaysLater = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        hub.postMessage(dm("webchat", "l-2", "u-l1", "late", "5").replaceFirst("\"createdAt\": \"[^\"]+\"",
                "\"createdAt\": \"" + fourDaysLater + "\""));

        JsonNode event = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(event.path("type").asText()).isEqualTo("ticket.updated");
        assertThat(event.path("survey").isNull()).isTrue();
    }

    @Test
    void noSurveyOnceTheMessagingWindowHasClosed() throws Exception {
        String twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String conversationId = ticketFor(dm("messenger", "w-1", "u-w1", "windowclosed", "Hello")
                .replaceFirst("\"createdAt\": \"[^\"]+\"", "\"createdAt\": \"" + twoDaysAgo + "\""));

        solve(conversationId);

        jms.setReceiveTimeout(1_000);
        assertThat(jms.receive("bluebird.outbound.messenger")).isNull();
        assertThat(hub.getJson("/api/conversations/" + conversationId).path("status").asText()).isEqualTo("solved");
    }

    @Test
    void theSummaryRefusesABadPeriod() {
        HttpResponse<String> bad = hub.send(hub.request("/api/surveys/summary?from=yesterday")
                .header("Authorization", "Bearer " + HubClient.TOKEN).GET());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(bad.body()).path("field").asText()).isEqualTo("from");
    }

    private static JsonNode rowOf(JsonNode summary, String channel) {
        for (JsonNode row : summary.path("rows")) {
            if (row.path("channel").asText().equals(channel)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + channel + " in " + summary);
    }

    private String ticketFor(String message) throws Exception {
        assertThat(hub.postMessage(message).statusCode()).isEqualTo(202);
        JsonNode created = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(created.path("type").asText()).isEqualTo("ticket.created");
        return created.path("conversationId").asText();
    }



    private HttpResponse<String> solve(String conversationId) {
        return hub.send(hub.request("/api/helpdesk-events").header("Authorization", "Bearer " + HubClient.TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "ticket.solved", "conversationId": "%s"}""".formatted(conversationId))));
    }

    static String dm(String channel, String nativeId, String authorId, String handle, String text) {
        return HubClient.dm(nativeId, authorId, handle, text).replace("\"x\"", "\"" + channel + "\"")
                .replace("2026-11-22T10:00:00Z", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static String tapped(String channel, String nativeId, String authorId, String handle, String title,
                         String payload) {
        return dm(channel, nativeId, authorId, handle, title).replace("\"text\":",
                "\"quickReplyPayload\": \"" + payload + "\", \"text\":");
    }
}
