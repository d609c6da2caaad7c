package io.bluebird.channel.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.bluebird.channel.messenger.MessengerChannelTest.PAGE;
import static io.bluebird.channel.messenger.MessengerChannelTest.messaging;
import static io.bluebird.channel.messenger.MessengerChannelTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import jakarta.jms.ConnectionFactory;
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
 * The Send API's rules through the running hub, on a page that has Meta's Human Agent permission: an agent's reply
 * after the 24 hours goes out tagged HUMAN_AGENT, but not after 7 days; Instagram replies take the same road; Meta's
 * refusals become notes on the ticket and its throttling is waited out; a Graph API outage never holds up a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.messenger.app-secret=meta-app-secret",
        "bluebird.messenger.page-access-token=page-token",
        "bluebird.messenger.human-agent-tag=true",
        "bluebird.http.max-body-size=8KB",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "spring.datasource.url=jdbc:h2:mem:messenger-send-rules;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class MessengerSendRulesTest {

    static final String INSTAGRAM_ACCOUNT = "17841400000000001";
    @RegisterExtension
    static final StandIn graph = new StandIn(options().dynamicPort());

    @DynamicPropertySource
    static void graphUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.messenger.graph-base-url", graph::baseUrl);
    }

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
        graph.stubFor(get(urlPathEqualTo("/8001")).willReturn(okJson("{\"name\": \"Tess Tagged\", \"id\": \"8001\"}")));
        graph.stubFor(post("/me/messages").willReturn(okJson(
                "{\"recipient_id\": \"{{jsonPath request.body '$.recipient.id'}}\", \"message_id\": \"m_{{randomValue type='UUID'}}\"}")
                .withTransformers("response-template")));
    }

    @Test
    void anAgentsReplyAfterTheDayGoesOutTaggedHumanAgentButNotAfterAWeek() throws Exception {
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8001")))
                .willReturn(okJson("{\"recipient_id\": \"8001\", \"message_id\": \"m_tagged\"}")));
        long thirtyHoursAgo = System.currentTimeMillis() - Duration.ofHours(30).toMillis();
        String yesterday = conversationOf(page(messaging("8001", PAGE, thirtyHoursAgo, """
                "message": {"mid": "m_30h", "text": "Where is my refund?"}""")));

        accepted("""
                {"type": "agent.reply", "conversationId": "%s", "text": "Your refund left today."}""".formatted(yesterday));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graph.verify(1, postRequestedFor(urlEqualTo(
                "/me/messages")).withHeader("Authorization", equalTo("Bearer page-token")).withRequestBody(equalToJson("""
                {"recipient": {"id": "8001"}, "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT",
                 "message": {"text": "Your refund left today."}}"""))));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + yesterday)
                .path("messages").toString().contains("messenger:dm:m_tagged"));

        graph.stubFor(get(urlPathEqualTo("/8002")).willReturn(okJson("{\"name\": \"Walt Weekold\", \"id\": \"8002\"}")));
        long eightDaysAgo = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        String lastWeek = conversationOf(page(messaging("8002", PAGE, eightDaysAgo, """
                "message": {"mid": "m_8d", "text": "Hello?"}""")));

        accepted("""
                {"type": "agent.reply", "conversationId": "%s", "text": "Sorry, we missed this."}""".formatted(lastWeek));

        JsonNode note = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(note.path("conversationId").asText()).isEqualTo(lastWeek);
        assertThat(note.path("message").path("text").asText())
                .startsWith("Bluebird could not deliver this agent-reply on messenger: the 24-hour messaging window")
                .contains("7-day HUMAN_AGENT window").endsWith("Sorry, we missed this.");
        graph.verify(0, postRequestedFor(urlEqualTo("/me/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8002"))));
    }

    @Test
    void anInstagramReplyGoesThroughTheSendApiAndItsEchoIsDropped() throws Exception {
        graph.stubFor(get(urlPathEqualTo("/9001")).willReturn(okJson(
                "{\"name\": \"Ines\", \"username\": \"ines.ig\", \"follower_count\": 310, \"id\": \"9001\"}")));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("9001")))
                .willReturn(okJson("{\"recipient_id\": \"9001\", \"message_id\": \"ig_sent-by-the-hub\"}")));
        long now = System.currentTimeMillis();
        String conversation = conversationOf(instagram(messaging("9001", INSTAGRAM_ACCOUNT, now, """
                "message": {"mid": "ig_q", "text": "Do you ship to Lisbon?"}""")));

        accepted("""
                {"type": "agent.reply", "conversationId": "%s", "text": "We do, in 3 days."}""".formatted(conversation));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graph.verify(1, postRequestedFor(urlEqualTo(
                "/me/messages")).withRequestBody(equalToJson("""
                {"recipient": {"id": "9001"}, "messaging_type": "RESPONSE", "message": {"text": "We do, in 3 days."}}"""))));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + conversation)
                .path("messages").toString().contains("instagram:dm:ig_sent-by-the-hub"));
        assertThat(deliver(instagram(messaging(INSTAGRAM_ACCOUNT, "9001", now + 1, """
                "message": {"mid": "ig_sent-by-the-hub", "is_echo": true, "text": "We do, in 3 days."}"""))).statusCode())
                .isEqualTo(200);
        jms.setReceiveTimeout(1_500);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).as("the echo of the hub's own send").isNull();
        assertThat(hub.getJson("/api/conversations/" + conversation).path("messages")).hasSize(2);
    }

    @Test
    void whatMetaRefusesIsNotedOnceAndThrottlingIsWaitedOut() throws Exception {
        graph.stubFor(get(urlPathEqualTo("/8003")).willReturn(okJson("{\"name\": \"Gone Gina\", \"id\": \"8003\"}")));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8003")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "(#551) This person isn't available right now.", "type": "OAuthException",
                                   "code": 551, "error_subcode": 1545041, "fbtrace_id": "AbCdEf123"}}""")));
        String unreachable = conversationOf(page(messaging("8003", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_gone", "text": "Cancel my order"}""")));

        accepted("""
                {"type": "agent.reply", "conversationId": "%s", "text": "Cancelled."}""".formatted(unreachable));

        JsonNode note = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(note.path("message").path("text").asText())
                .startsWith("Bluebird could not deliver this agent-reply on messenger: the Send API answered 400:"
                        + " (#551) This person isn't available right now. (code 551, subcode 1545041)");
        graph.verify(1, postRequestedFor(urlEqualTo("/me/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8003"))));

        graph.stubFor(get(urlPathEqualTo("/8004")).willReturn(okJson("{\"name\": \"Busy Ben\", \"id\": \"8004\"}")));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8004")))
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "(#613) Calls to this api have exceeded the rate limit.",
                                   "type": "OAuthException", "code": 613, "fbtrace_id": "GhIjKl456"}}"""))
                .willSetStateTo("calm"));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8004")))
                .inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"recipient_id\": \"8004\", \"message_id\": \"m_after_throttle\"}")));
        String busy = conversationOf(page(messaging("8004", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_busy", "text": "Is my size in stock?"}""")));

        accepted("""
                {"type": "agent.reply", "conversationId": "%s", "text": "It is."}""".formatted(busy));

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + busy)
                .path("messages").toString().contains("messenger:dm:m_after_throttle"));
        graph.verify(2, postRequestedFor(urlEqualTo("/me/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("8004"))));
    }

    @Test
    void aGraphOutageNeverHoldsUpAMessageAndAnOversizedDeliveryIsRefused() {
        graph.stubFor(get(urlPathEqualTo("/8005")).willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "application/json").withBody("{\"error\": {\"message\": \"An unexpected error has occurred.\", \"code\": 2}}")));

        HttpResponse<String> accepted = deliver(page(messaging("8005", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_no_profile", "text": "Anyone there?"}""")));

        assertThat(accepted.statusCode()).isEqualTo(200);
        JsonNode created = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(created.path("message").path("id").asText()).isEqualTo("messenger:dm:m_no_profile");
        assertThat(created.path("customer").path("id").asText()).isEqualTo("8005");

        HttpResponse<String> oversized = deliver(page(messaging("8006", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_big", "text": "%s"}""".formatted("x".repeat(9_000)))));

        assertThat(oversized.statusCode()).isEqualTo(413);
    }

    private String conversationOf(String delivery) {
        assertThat(deliver(delivery).statusCode()).isEqualTo(200);
        JsonNode created = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(created.path("type").asText()).isEqualTo("ticket.created");
        return created.path("conversationId").asText();
    }

    private HttpResponse<String> deliver(String body) {
        return MessengerChannelTest.deliver(hub, body);
    }

    private void accepted(String json) {
        assertThat(hub.postHelpdeskEvent(json).statusCode()).isEqualTo(202);
    }

    private static String instagram(String messaging) {
        return """
                {"object": "instagram", "entry": [{"id": "%s", "time": %d, "messaging": [%s]}]}"""
                .formatted(INSTAGRAM_ACCOUNT, System.currentTimeMillis(), messaging);
    }
}
