package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.ZendeskStandIn;
import io.bluebird.helpdesk.HelpdeskCircuits;
import io.bluebird.http.Hmac;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real hub (YAML routes, embedded Artemis, H2) delivering to a Zendesk stand-in over HTTP: the exact JSON
 * Zendesk receives, its OAuth token, the Idempotency-Key, and what happens when Zendesk fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "bluebird.delivery.max-redeliveries=5",
        "bluebird.delivery.circuit-breaker.wait-in-open-state=1s",
        "bluebird.helpdesks.zendesk.survey-field=360001",
        "bluebird.helpdesks.zendesk.webhook-secret=zendesk-signing-secret",
        "spring.datasource.url=jdbc:h2:mem:zendesk-delivery;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class ZendeskDeliveryTest {

    @RegisterExtension
    static final StandIn zendesk = new StandIn(options().dynamicPort().extensions(new ZendeskAudits()));

    @DynamicPropertySource
    static void zendeskUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.zendesk.base-url", zendesk::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ZendeskAuth auth;
    @Autowired
    JmsTemplate jms;
    @Autowired
    HelpdeskCircuits circuits;
    @Autowired
    MeterRegistry meters;

    HubClient hub;

    @BeforeEach
    void zendeskIsUp() {
        hub = new HubClient(port);
        zendesk.resetAll();
        auth.renew("zendesk");
        circuits.of("zendesk").reset();
        ZendeskStandIn.grantsTokens(zendesk, "token-1");
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": 35436, \"status\": \"new\"}}")));
        zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/35436.json")).willReturn(okJson(
                "{\"ticket\": {\"id\": 35436}}")));
    }

    /** The message is two days old: the default rule long-wait makes it high, and says so in a tag. */
    @Test
    void aMessageBecomesATicketAndTheNextOneAComment() {
        assertThat(hub.postMessage(HubClient.dm("1001", "u1001", "jane1001", "My order never arrived")).statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "35436".equals(hub.conversationOf("jane1001").path("helpdeskTicketId").asText(null)));
        String conversationId = hub.conversationOf("jane1001").path("id").asText();

        zendesk.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")).withRequestBody(equalToJson("""
                {"grant_type": "client_credentials", "client_id": "bluebird-test",
                 "client_secret": "zendesk-client-secret", "scope": "read write"}""")));
        zendesk.verify(1, postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Idempotency-Key", equalTo("bluebird-conversation-" + conversationId))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"ticket": {
                          "subject": "X private message from @jane1001: My order never arrived",
                          "comment": {"body": "My order never arrived\\n\\n— @jane1001 on X, private message, 2026-11-22 10:00 UTC",
                                      "public": true},
                          "requester": {"name": "Jane Doe", "email": "x-u1001@users.bluebird.invalid"},
                          "priority": "high",
                          "tags": ["x", "private", "priority-long-wait"],
                          "external_id": "%s"}}""".formatted(conversationId))));

        hub.postMessage(HubClient.dm("1002", "u1001", "jane1001", "Order 1234"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.body", equalTo(
                                "Order 1234\n\n— @jane1001 on X, private message, 2026-11-22 10:00 UTC")))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("true")))));
        assertThat(createsOf("jane1001")).isEqualTo(1);
        assertThat(hub.conversationOf("jane1001").path("messages")).hasSize(2);
    }

    /** Calls out go through Spring Boot's RestClient, which times each in http.client.requests by host and status. */
    @Test
    void theCallsToZendeskAreTimedByHostMethodAndStatus() {
        hub.postMessage(HubClient.dm("1101", "u1101", "jane1101", "Is anyone there?"));

        await().atMost(Duration.ofSeconds(20)).until(() -> createsOf("jane1101") == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters.get("http.client.requests")
                .tag("client.name", "localhost").tag("method", "POST").tag("status", "201").timer().count())
                .isPositive());
    }

    /**
     * A customer who wrote privately mentions the brand in public: the update adds the tag the ticket lacks (through
     * Add Tags, which keeps the ticket's others), once; later updates send no tags.
     */
    @Test
    void aTagTheTicketDoesNotHaveYetIsAddedWithTheUpdate() {
        zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/35436/tags.json")).willReturn(okJson("{\"tags\": []}")));
        hub.postMessage(HubClient.dm("1301", "u1301", "jane1301", "Where is my parcel"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "35436".equals(hub.conversationOf("jane1301").path("helpdeskTicketId").asText(null)));

        hub.postMessage(HubClient.dm("1302", "u1301", "jane1301", "Still nothing")
                .replace("\"private\"", "\"public\""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/35436/tags.json"))
                        .withRequestBody(equalToJson("{\"tags\": [\"public\"]}"))));
        hub.postMessage(HubClient.dm("1303", "u1301", "jane1301", "Hello?").replace("\"private\"", "\"public\""));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json"))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.body", containing("Hello?")))));
        zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/35436/tags.json")));
        zendesk.verify(0, putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json"))
                .withRequestBody(matchingJsonPath("$.ticket.tags")));
        assertThat(createsOf("jane1301")).isEqualTo(1);
    }

    /**
     * An update Zendesk took but whose answer never came back (the connection dropped): tried again, the hub finds
     * it among the ticket's audits by the event id in their metadata, and does not add the comment twice.
     */
    @Test
    void anUpdateWhoseAnswerWasLostIsFoundInTheTicketsAuditsAndNotSentTwice() {
        zendesk.stubFor(post("/api/v2/tickets.json")
                .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo("webchat-u9201@users.bluebird.invalid")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 9201}}")));
        zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/9201.json"))
                .willReturn(aResponse().withStatus(200).withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String dm = HubClient.dm("9201", "u9201", "lost9201", "Broken zip").replace("\"x\"", "\"webchat\"");
        hub.postMessage(dm);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "9201".equals(hub.conversationOf("lost9201").path("helpdeskTicketId").asText(null)));

        hub.postMessage(dm.replace("9201\", \"account", "9202\", \"account").replace("Broken zip", "Still broken"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> zendesk.verify(1,
                getRequestedFor(urlPathEqualTo("/api/v2/tickets/9201/audits.json"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))));
        zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/9201.json"))
                .withRequestBody(matchingJsonPath("$.ticket.comment.body", containing("Still broken")))
                .withRequestBody(matchingJsonPath("$.ticket.metadata.bluebird_event")));
        assertThat(zendesk.findAll(putRequestedFor(urlEqualTo("/api/v2/tickets/9201.json")))).hasSize(1);
    }

    /** Solved in Zendesk (named by its ticket id), surveyed, answered: the score lands on the ticket, for agents only. */
    @Test
    void aSurveyResultIsAnInternalCommentWithTheScoreTagAndField() {
        zendesk.stubFor(post("/api/v2/tickets.json")
                .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo("webchat-u9001@users.bluebird.invalid")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 9001}}")));
        zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/9001.json")).willReturn(okJson("{\"ticket\": {\"id\": 9001}}")));
        zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/9001/tags.json")).willReturn(okJson("{\"tags\": [\"csat_5\"]}")));
        String dm = HubClient.dm("9001", "u9001", "surveyed9001", "Refund?").replace("\"x\"", "\"webchat\"");
        hub.postMessage(dm);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "9001".equals(hub.conversationOf("surveyed9001").path("helpdeskTicketId").asText(null)));

        HttpResponse<String> solved = hub.send(hub.request("/api/helpdesk-events")
                .header("Authorization", "Bearer " + HubClient.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "ticket.solved", "helpdesk": "zendesk", "helpdeskTicketId": "9001"}""")));
        assertThat(solved.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "solved".equals(hub.conversationOf("surveyed9001").path("status").asText()));
        hub.postMessage(dm.replace("9001\", \"account", "9002\", \"account").replace("\"text\":",
                "\"quickReplyPayload\": \"csat:5\", \"text\":").replace("Refund?", "★★★★★"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/9001.json"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.body",
                                matching("Survey answered: CSAT 5/5\n\n— 2\\d{3}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC")))
                        .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("false")))
                        .withRequestBody(matchingJsonPath("$.ticket.custom_fields",
                                equalToJson("[{\"id\": 360001, \"value\": 5}]")))));
        // Add Tags keeps the ticket's other tags, where tags on the update would replace them all
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/9001/tags.json"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withRequestBody(equalToJson("{\"tags\": [\"csat_5\"]}"))));
        zendesk.verify(0, putRequestedFor(urlEqualTo("/api/v2/tickets/9001.json"))
                .withRequestBody(matchingJsonPath("$.ticket.tags")));
        assertThat(hub.conversationOf("surveyed9001").path("status").asText()).isEqualTo("solved");
    }

    /** A Zendesk trigger's webhook, signed as Zendesk signs: the agent's reply goes out, then the survey. */
    @Test
    void aSignedZendeskWebhookCarriesTheAgentsReplyAndTheSolve() throws Exception {
        zendesk.stubFor(post("/api/v2/tickets.json")
                .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo("webchat-u9101@users.bluebird.invalid")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 9101}}")));
        hub.postMessage(HubClient.dm("9101", "u9101", "webhooked9101", "Broken zip").replace("\"x\"", "\"webchat\""));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "9101".equals(hub.conversationOf("webhooked9101").path("helpdeskTicketId").asText(null)));
        String body = """
                {"ticket_id": "9101", "conversation_id": "", "comment": "A new zip is on its way.", "status": "Solved"}""";
        String timestamp = "2026-11-24T10:00:00Z";
        String signature = Hmac.sha256Base64("zendesk-signing-secret",
                (timestamp + body).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> forged = hub.send(hub.request("/webhooks/helpdesks/zendesk")
                .header("Content-Type", "application/json").header("X-Zendesk-Webhook-Signature", "bm9wZQ==")
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> accepted = hub.send(hub.request("/webhooks/helpdesks/zendesk")
                .header("Content-Type", "application/json").header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(accepted.body()).path("accepted").asInt()).isEqualTo(2);
        jms.setReceiveTimeout(20_000);
        JsonNode reply = HubClient.json(jms.receive("bluebird.outbound.webchat").getBody(String.class));
        JsonNode survey = HubClient.json(jms.receive("bluebird.outbound.webchat").getBody(String.class));
        assertThat(reply.path("purpose").asText()).isEqualTo("agent-reply");
        assertThat(reply.path("text").asText()).isEqualTo("A new zip is on its way.");
        assertThat(survey.path("purpose").asText()).isEqualTo("survey");
    }

    /** Ticket creations for this customer's conversation (other tests' events may still be arriving). */
    private int createsOf(String handle) {
        String key = "bluebird-conversation-" + hub.conversationOf(handle).path("id").asText();
        return zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
                .withHeader("Idempotency-Key", equalTo(key))).size();
    }

    /** How often {@code text} (not followed by a digit) is in the conversation's create and the ticket's comments. */
    private long timesOnZendesk(String handle, String text) {
        String key = "bluebird-conversation-" + hub.conversationOf(handle).path("id").asText();
        Pattern once = Pattern.compile(Pattern.quote(text) + "(?!\\d)");
        return Stream.concat(
                        zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
                                .withHeader("Idempotency-Key", equalTo(key))).stream(),
                        zendesk.findAll(putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json"))).stream())
                .map(call -> HubClient.json(call.getBodyAsString()).path("ticket").path("comment").path("body")
                        .asText())
                .mapToLong(body -> once.matcher(body).results().count()).sum();
    }

    @Test
    void aTokenZendeskRefusesIsRenewedOnce() {
        zendesk.stubFor(post("/oauth/tokens").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"revoked\", \"expires_in\": 172800}"))
                .willSetStateTo("renewed"));
        zendesk.stubFor(post("/oauth/tokens").inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\": \"token-2\", \"expires_in\": 172800}")));
        zendesk.stubFor(post("/api/v2/tickets.json").withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid_token\"}")));

        hub.postMessage(HubClient.dm("2001", "u2001", "jane2001", "Hello?"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "35436".equals(hub.conversationOf("jane2001").path("helpdeskTicketId").asText(null)));
        zendesk.verify(2, postRequestedFor(urlEqualTo("/oauth/tokens")));
        zendesk.verify(1, postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
                .withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void anOutageEndsWithExactlyOneTicket() {
        for (int i = 0; i < 3; i++) {
            zendesk.stubFor(post("/api/v2/tickets.json").inScenario("outage")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "down-" + i)
                    .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1"))
                    .willSetStateTo("down-" + (i + 1)));
        }
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("outage").whenScenarioStateIs("down-3")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 777}}"))
                .willSetStateTo("up"));

        hub.postMessage(HubClient.dm("3001", "u3001", "jane3001", "Anyone there?"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "777".equals(hub.conversationOf("jane3001").path("helpdeskTicketId").asText(null)));
        String key = "bluebird-conversation-" + hub.conversationOf("jane3001").path("id").asText();
        zendesk.verify(4, postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withHeader("Idempotency-Key",
                equalTo(key)));
        assertThat(zendesk.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals("outage")).findFirst().orElseThrow().getState()).isEqualTo("up");
    }

    @Test
    void aDuplicateMessageMakesNoSecondTicket() {
        String message = HubClient.dm("4001", "u4001", "jane4001", "Twice?");
        hub.postMessage(message);
        hub.postMessage(message);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "35436".equals(hub.conversationOf("jane4001").path("helpdeskTicketId").asText(null)));

        hub.postMessage(message);
        hub.postMessage(HubClient.dm("4002", "u4001", "jane4001", "and this is new"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json"))));
        assertThat(createsOf("jane4001")).isEqualTo(1);
        assertThat(hub.conversationOf("jane4001").path("messages")).hasSize(2);
    }

    @Test
    void aTicketZendeskRefusesIsDeadLetteredWithTheReasonAndCanBeReplayed() {
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"RecordInvalid\", \"description\": \"Record validation errors\"}")));

        hub.postMessage(HubClient.dm("5001", "u5001", "jane5001", "Refused"));

        JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterOf("x:dm:5001"),
                letter -> letter != null);
        assertThat(dead.path("reason").asText()).contains("422").contains("RecordInvalid");
        assertThat(dead.path("from").asText()).isEqualTo("bluebird.tickets.zendesk");
        assertThat(dead.path("type").asText()).isEqualTo("ticket.created");
        assertThat(dead.path("at").asText()).isNotBlank();
        assertThat(createsOf("jane5001")).as("a 4xx is not retried").isEqualTo(1);

        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"ticket\": {\"id\": 5001}}")));
        HttpResponse<String> replayed = hub.send(hub.request("/api/dead-letters/"
                + URLEncoder.encode(dead.path("id").asText(), StandardCharsets.UTF_8) + "/replay").header("Authorization", "Bearer " + HubClient.TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replayed.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "5001".equals(hub.conversationOf("jane5001").path("helpdeskTicketId").asText(null)));
        assertThat(deadLetterOf("x:dm:5001")).isNull();
        HttpResponse<String> again = hub.send(hub.request("/api/dead-letters/" + dead.path("id").asText()
                + "/replay").header("Authorization", "Bearer " + HubClient.TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(again.statusCode()).isEqualTo(404);
    }

    private JsonNode deadLetterOf(String messageId) {
        for (JsonNode letter : hub.getJson("/api/dead-letters").path("deadLetters")) {
            if (letter.path("body").path("message").path("id").asText().equals(messageId)) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void aZendeskThatStaysDownOpensTheBreakerAndTheEventWaitsUntilItIsBack() {
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("long outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)));

        hub.postMessage(HubClient.dm("6001", "u6001", "jane6001", "Still down"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                circuits.of("zendesk").getState() == CircuitBreaker.State.OPEN);
        int callsWhenOpened = zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))).size();
        assertThat(callsWhenOpened).as("the breaker opens within its minimum number of calls").isLessThanOrEqualTo(5);
        // several of the breaker's half-open windows (1 s here) fail too: more failed calls than the 5 redeliveries
        jms.setReceiveTimeout(4_000);
        assertThat(jms.receive("bluebird.dead-letters")).as("an outage is waited out, not dead-lettered").isNull();
        assertThat(zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))).size())
                .as("calls in the half-open windows failed too").isGreaterThan(6);

        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("long outage").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 6001}}")));
        zendesk.setScenarioState("long outage", "back");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "6001".equals(hub.conversationOf("jane6001").path("helpdeskTicketId").asText(null)));
    }

    @Test
    void aRateLimitedZendeskIsCalledAgainOnlyAfterItsRetryAfter() {
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("allowed"));
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("rate limit").whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticket\": {\"id\": 429}}")));

        hub.postMessage(HubClient.dm("6501", "u6501", "jane6501", "Rate limited"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "429".equals(hub.conversationOf("jane6501").path("helpdeskTicketId").asText(null)));
        List<LoggedRequest> calls = zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json")));
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
                .as("the redelivery delay here is 50 ms; Zendesk asked for 2 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void parallelMessagesOfOneCustomerMakeOneTicket() throws Exception {
        int messages = 10;
        ExecutorService senders = Executors.newFixedThreadPool(messages);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String message = HubClient.dm("7" + i, "u7000", "jane7000", "Part " + i);
            sent.add(senders.submit(() -> hub.postMessage(message).statusCode()));
        }
        for (Future<Integer> status : sent) {
            assertThat(status.get()).isEqualTo(202);
        }
        senders.shutdown();

        // messages that wait behind another leave with it, so there are at most as many updates as messages
        for (int i = 0; i < messages; i++) {
            String part = "Part " + i;
            await().atMost(Duration.ofSeconds(30)).until(() -> timesOnZendesk("jane7000", part) == 1);
        }
        assertThat(createsOf("jane7000")).isEqualTo(1);
        assertThat(hub.getJson("/api/conversations?handle=jane7000").path("conversations")).hasSize(1);
        assertThat(hub.conversationOf("jane7000").path("messages")).hasSize(messages);
    }

    @Test
    void evenUngroupedMessagesOfOneCustomerProcessedInParallelMakeOneConversation() {
        int messages = 12;
        for (int i = 0; i < messages; i++) {
            String json = HubClient.dm("8" + i, "u8000", "jane8000", "Ungrouped " + i)
                    .replace("{\"channel\"", "{\"id\": \"x:dm:8" + i + "\", \"channel\"");
            jms.convertAndSend("bluebird.inbound", json);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hub.conversationOf("jane8000").path("messages")).hasSize(messages));
        assertThat(hub.getJson("/api/conversations?handle=jane8000").path("conversations")).hasSize(1);
        for (int i = 0; i < messages; i++) {
            String part = "Ungrouped " + i;
            await().atMost(Duration.ofSeconds(30)).until(() -> timesOnZendesk("jane8000", part) == 1);
        }
        assertThat(createsOf("jane8000")).isEqualTo(1);
    }
}
