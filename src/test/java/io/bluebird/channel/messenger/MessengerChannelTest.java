package io.bluebird.channel.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.http.Hmac;
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
 * Meta's webhook and Send API through the running hub: real-shaped page and instagram deliveries signed as Meta signs
 * them, a Graph API stand-in, and the JMS helpdesk, with the welcome message, agent replies, the 24-hour window and
 * the survey on Messenger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.messenger.app-secret=meta-app-secret",
        "bluebird.messenger.verify-token=verify-me",
        "bluebird.messenger.page-access-token=page-token",
        "bluebird.first-replies.messenger.enabled=true",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "spring.datasource.url=jdbc:h2:mem:messenger;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
public class MessengerChannelTest {

    public static final String PAGE = "106151112345678";
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
        graph.stubFor(get(urlPathEqualTo("/6001")).willReturn(okJson(
                "{\"name\": \"Jeanne Dupré\", \"profile_pic\": \"https://scontent.example/p.jpg\", \"id\": \"6001\"}")));
        graph.stubFor(post("/me/messages").willReturn(okJson(
                "{\"recipient_id\": \"{{jsonPath request.body '$.recipient.id'}}\", \"message_id\": \"m_{{randomValue type='UUID'}}\"}")
                .withTransformers("response-template")));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6001")))
                .willReturn(okJson("{\"recipient_id\": \"6001\", \"message_id\": \"m_sent-by-the-hub\"}")));
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyToTheRightToken() {
        HttpResponse<String> right = hub.send(hub.request(
                "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444").GET());
        HttpResponse<String> wrong = hub.send(hub.request(
                "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444").GET());

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void aMessengerConversationWithItsWelcomeEchoesReceiptsAndDuplicates() throws Exception {
        long now = System.currentTimeMillis();
        // Meta escapes non-ASCII in the JSON it signs: the signature is over these very bytes
        String first = page(messaging("6001", PAGE, now, """
                "message": {"mid": "m_first", "text": "O\\u00f9 est ma commande ? \\ud83d\\ude42"}"""));

        assertThat(deliver(first).statusCode()).isEqualTo(200);
        JsonNode created = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(created.path("type").asText()).isEqualTo("ticket.created");
        assertThat(created.path("message").path("id").asText()).isEqualTo("messenger:dm:m_first");
        assertThat(created.path("message").path("text").asText()).isEqualTo("Où est ma commande ? 🙂");
        assertThat(created.path("message").path("account").asText()).isEqualTo(PAGE);
        assertThat(created.path("customer").path("name").asText()).isEqualTo("Jeanne Dupré");
        graph.verify(1, getRequestedForProfile());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graph.verify(1, postRequestedFor(urlEqualTo(
                "/me/messages")).withHeader("Authorization", equalTo("Bearer page-token")).withRequestBody(equalToJson("""
                {"recipient": {"id": "6001"}, "messaging_type": "RESPONSE",
                 "message": {"text": "Hi Jeanne Dupré, thanks for writing to us. What is it about?",
                             "quick_replies": [
                               {"content_type": "text", "title": "Order problem", "payload": "choice:order"},
                               {"content_type": "text", "title": "Billing", "payload": "choice:billing"},
                               {"content_type": "text", "title": "Something else", "payload": "choice:other"}]}}"""))));

        String echoOfTheWelcome = page(messaging(PAGE, "6001", now + 1, """
                "message": {"mid": "m_sent-by-the-hub", "is_echo": true, "app_id": 1517776481860111,
                            "text": "Hi Jeanne Dupré, thanks for writing to us. What is it about?"}"""));
        String readReceipt = page(messaging("6001", PAGE, now + 2, """
                "read": {"watermark": %d}""".formatted(now + 1)));
        String tapped = page(messaging("6001", PAGE, now + 3, """
                "message": {"mid": "m_tap", "text": "Order problem", "quick_reply": {"payload": "choice:order"}}"""));
        String agentInBusinessSuite = page(messaging(PAGE, "6001", now + 4, """
                "message": {"mid": "m_agent", "is_echo": true, "app_id": 263902037430900, "text": "Let me check."}"""));
        assertThat(deliver(echoOfTheWelcome).statusCode()).isEqualTo(200);
        assertThat(deliver(readReceipt).statusCode()).isEqualTo(200);
        assertThat(deliver(tapped).statusCode()).isEqualTo(200);
        assertThat(deliver(tapped).statusCode()).as("Meta redelivers").isEqualTo(200);
        assertThat(deliver(agentInBusinessSuite).statusCode()).isEqualTo(200);

        JsonNode choice = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(choice.path("message").path("quickReplyPayload").asText()).isEqualTo("choice:order");
        JsonNode agent = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(agent.path("message").path("direction").asText()).isEqualTo("out");
        assertThat(agent.path("message").path("text").asText()).isEqualTo("Let me check.");
        assertThat(agent.path("conversationId").asText()).isEqualTo(created.path("conversationId").asText());
        jms.setReceiveTimeout(1_500);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).as("no event for the echo, the receipt, the repeat")
                .isNull();
        JsonNode conversation = hub.getJson("/api/conversations/" + created.path("conversationId").asText());
        assertThat(conversation.path("choice").asText()).isEqualTo("order");
        assertThat(conversation.path("messages")).hasSize(4);
    }

    @Test
    void severalInstagramEntriesInOnePost() throws Exception {
        long now = System.currentTimeMillis();
        graph.stubFor(get(urlPathEqualTo("/7001")).willReturn(okJson(
                "{\"name\": \"Ana\", \"username\": \"ana.ig\", \"follower_count\": 2048, \"id\": \"7001\"}")));
        String delivery = """
                {"object": "instagram", "entry": [
                  {"id": "17841400000000001", "time": %1$d, "messaging": [{"sender": {"id": "7001"},
                    "recipient": {"id": "17841400000000001"}, "timestamp": %1$d,
                    "message": {"mid": "ig_1", "text": "Hello?"}}]},
                  {"id": "17841400000000001", "time": %1$d, "messaging": [{"sender": {"id": "7001"},
                    "recipient": {"id": "17841400000000001"}, "timestamp": %2$d,
                    "message": {"mid": "ig_2", "attachments": [{"type": "image",
                                "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/1"}}]}}]}]}"""
                .formatted(now, now + 1);

        assertThat(deliver(delivery).statusCode()).isEqualTo(200);

        JsonNode first = HubClient.received(jms, "bluebird.helpdesk.tickets");
        JsonNode second = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(first.path("message").path("id").asText()).isEqualTo("instagram:dm:ig_1");
        assertThat(first.path("customer").path("handle").asText()).isEqualTo("ana.ig");
        assertThat(first.path("customer").path("followers").asLong()).isEqualTo(2048);
        assertThat(second.path("message").path("attachments").path(0).path("url").asText())
                .isEqualTo("https://lookaside.fbsbx.com/ig_messaging_cdn/1");
        assertThat(second.path("conversationId").asText()).isEqualTo(first.path("conversationId").asText());
    }

    @Test
    void aForgedOrMalformedDeliveryIsRefused() {
        String body = page(messaging("6001", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_forged", "text": "hi"}"""));
        HttpResponse<String> forged = hub.send(hub.request("/webhooks/messenger")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex("not-the-secret", bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> unsigned = hub.send(hub.request("/webhooks/messenger")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> malformed = deliver("{\"object\": \"page\", \"entry\": [");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(malformed.body()).path("message").asText()).startsWith("malformed JSON");
    }

    /** A query parameter of the webhook's URL (Meta signs only the body) never travels with the message to the queue. */
    @Test
    void aDeliveryWhoseUrlCarriesAnyQueryParameterIsQueued() {
        HttpResponse<String> answer = deliver(hub, "/webhooks/messenger?not%20an%20identifier=1",
                page(messaging("6201", PAGE, System.currentTimeMillis(), """
                        "message": {"mid": "m_6201", "text": "hi"}""")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("id").asText())
                .isEqualTo("messenger:dm:m_6201");
    }

    /** Ids are data: one that is no URL path segment is looked up encoded, never spliced into the Graph API's URL. */
    @Test
    void aSenderIdThatIsNoPathSegmentIsLookedUpEncoded() {
        assertThat(deliver(page(messaging("62 02/me?x=", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_6202", "text": "hi"}"""))).statusCode()).isEqualTo(200);
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("customer").path("id").asText())
                .isEqualTo("62 02/me?x=");
        graph.verify(getRequestedFor(urlEqualTo("/62%2002%2Fme%3Fx%3D?fields=name,profile_pic")));
    }

    /** What is acknowledged must be processable: no timestamp is the receive time, an unreadable one is refused. */
    @Test
    void aMessageWithoutATimestampGetsTheReceiveTimeAndAnUnreadableOneIsRefused() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> unreadable = deliver(page(messaging("6101", PAGE, 0, """
                "message": {"mid": "m_6101a", "text": "when?"}""").replace("\"timestamp\": 0", "\"timestamp\": \"now\"")));
        HttpResponse<String> missing = deliver(page(messaging("6101", PAGE, 0, """
                "message": {"mid": "m_6101b", "text": "no time"}""").replace("\"timestamp\": 0, ", "")));

        assertThat(HubClient.badRequest(unreadable).path("field").asText()).isEqualTo("entry[0].messaging[0].timestamp");
        assertThat(missing.statusCode()).isEqualTo(200);
        JsonNode event = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(event.path("message").path("id").asText()).as("the refused message never reached a queue")
                .isEqualTo("messenger:dm:m_6101b");
        assertThat(Instant.parse(event.path("message").path("createdAt").asText())).isBetween(before, Instant.now());
    }

    /** Null or non-string ids would all be messenger:dm: (one message), and such senders one customer "". */
    @Test
    void aMessageWhoseIdsAreNotStringsIsRefusedNamingTheField() {
        long now = System.currentTimeMillis();
        HttpResponse<String> nullMid = deliver(page(messaging("6111", PAGE, now, """
                "message": {"mid": null, "text": "hi"}""")));
        HttpResponse<String> arraySender = deliver(page(messaging("6111", PAGE, now, """
                "message": {"mid": "m_6111", "text": "hi"}""").replace("{\"id\": \"6111\"}", "[\"6111\"]")));
        HttpResponse<String> objectSender = deliver(page(messaging("6111", PAGE, now, """
                "message": {"mid": "m_6112", "text": "hi"}""").replace("{\"id\": \"6111\"}", "{\"id\": {}}")));

        assertThat(HubClient.badRequest(nullMid).path("field").asText()).isEqualTo("entry[0].messaging[0].message.mid");
        assertThat(HubClient.badRequest(arraySender).path("field").asText()).isEqualTo("entry[0].messaging[0].sender.id");
        assertThat(HubClient.badRequest(objectSender).path("message").asText())
                .isEqualTo("'entry[0].messaging[0].sender.id' is required: a non-empty string");
    }

    /** What is acknowledged fits its columns: the longest mid and quick-reply payload Meta sends are kept. */
    @Test
    void theLongestIdsArePassedAndLongerOnesRefusedNamingTheField() throws Exception {
        long now = System.currentTimeMillis();
        String longestMid = "m_" + "a".repeat(255 - "messenger:dm:m_".length());
        String longestChoice = "c".repeat(1000 - "choice:".length());
        HttpResponse<String> longMid = deliver(page(messaging("6121", PAGE, now, """
                "message": {"mid": "%s", "text": "hi"}""".formatted(longestMid + "a"))));
        HttpResponse<String> longSender = deliver(page(messaging("6".repeat(129), PAGE, now, """
                "message": {"mid": "m_6121", "text": "hi"}""")));
        HttpResponse<String> longPayload = deliver(page(messaging("6121", PAGE, now, """
                "message": {"mid": "m_6122", "text": "hi", "quick_reply": {"payload": "choice:%s"}}"""
                .formatted(longestChoice + "c"))));
        HttpResponse<String> longest = deliver(page(messaging("6121", PAGE, now, """
                "message": {"mid": "%s", "text": "hi", "quick_reply": {"payload": "choice:%s"}}"""
                .formatted(longestMid, longestChoice))));

        assertThat(HubClient.badRequest(longMid).path("message").asText())
                .isEqualTo("'entry[0].messaging[0].message.mid' is longer than 242 characters");
        assertThat(HubClient.badRequest(longSender).path("field").asText()).isEqualTo("entry[0].messaging[0].sender.id");
        assertThat(HubClient.badRequest(longPayload).path("field").asText())
                .isEqualTo("entry[0].messaging[0].message.quick_reply.payload");
        assertThat(longest.statusCode()).isEqualTo(200);
        JsonNode event = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(event.path("message").path("id").asText()).isEqualTo("messenger:dm:" + longestMid);
        assertThat(hub.getJson("/api/conversations/" + event.path("conversationId").asText()).path("choice").asText())
                .isEqualTo(longestChoice);
    }

    @Test
    void anAgentsReplyAfterTheWindowBecomesANoteAndAServerErrorIsRetried() throws Exception {
        long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
        graph.stubFor(get(urlPathEqualTo("/6002")).willReturn(okJson("{\"name\": \"Late Larry\", \"id\": \"6002\"}")));
        deliver(page(messaging("6002", PAGE, twoDaysAgo, """
                "message": {"mid": "m_old", "text": "Anyone?"}""")));
        String late = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("text").asText()).as("nor could the automated welcome go out")
                .startsWith("Bluebird could not deliver this acknowledgement on messenger: the 24-hour messaging"
                        + " window closed at").contains("an automated message may not be sent after it");

        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Sorry for the wait!"}""".formatted(late));

        JsonNode note = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(note.path("message").path("text").asText()).startsWith("Bluebird could not deliver this agent-reply"
                + " on messenger: the 24-hour messaging window closed at").contains("HUMAN_AGENT tag is not enabled")
                .endsWith("The customer did not get:\nSorry for the wait!");
        graph.verify(0, postRequestedFor(urlEqualTo("/me/messages"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6002"))));

        graph.stubFor(get(urlPathEqualTo("/6003")).willReturn(okJson("{\"name\": \"Now Nora\", \"id\": \"6003\"}")));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.message.text", equalTo("Sure, ask away.")))
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\": {\"message\": \"An unknown error occurred\", \"type\": \"OAuthException\", \"code\": 1}}"))
                .willSetStateTo("up"));
        graph.stubFor(post("/me/messages").withRequestBody(matchingJsonPath("$.message.text", equalTo("Sure, ask away.")))
                .inScenario("outage").whenScenarioStateIs("up")
                .willReturn(okJson("{\"recipient_id\": \"6003\", \"message_id\": \"m_reply_6003\"}")));
        deliver(page(messaging("6003", PAGE, System.currentTimeMillis(), """
                "message": {"mid": "m_now", "text": "Quick question"}""")));
        String current = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();
        graph.resetRequests();

        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Sure, ask away."}""".formatted(current));

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + current)
                .path("messages").toString().contains("messenger:dm:m_reply_6003"));
        graph.verify(2, postRequestedFor(urlEqualTo("/me/messages"))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("Sure, ask away."))));
    }

    @Test
    void aSolvedConversationGetsItsSurveyAsQuickRepliesAndTheTapIsTheResult() throws Exception {
        graph.stubFor(get(urlPathEqualTo("/6004")).willReturn(okJson("{\"name\": \"Sam\", \"id\": \"6004\"}")));
        long now = System.currentTimeMillis();
        deliver(page(messaging("6004", PAGE, now, """
                "message": {"mid": "m_s1", "text": "My parcel is lost"}""")));
        String conversation = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();

        accepted(hub, """
                {"type": "ticket.solved", "conversationId": "%s"}""".formatted(conversation));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graph.verify(1, postRequestedFor(urlEqualTo(
                "/me/messages")).withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6004")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.quick_replies[4].payload", equalTo("csat:5")))
                .withRequestBody(matchingJsonPath("$.message.quick_replies.length()", equalTo("5")))));
        deliver(page(messaging("6004", PAGE, now + 60_000, """
                "message": {"mid": "m_s2", "text": "★★★★", "quick_reply": {"payload": "csat:4"}}""")));

        JsonNode result = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(result.path("type").asText()).isEqualTo("survey.completed");
        assertThat(result.path("survey").path("score").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> graph.verify(1, postRequestedFor(urlEqualTo(
                "/me/messages")).withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6004")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(
                        "Thank you for your answer! If you want to tell us more, just reply here.")))));
    }

    private static RequestPatternBuilder getRequestedForProfile() {
        return getRequestedFor(
                urlEqualTo("/6001?fields=name,profile_pic")).withHeader("Authorization", equalTo("Bearer page-token"));
    }



    private HttpResponse<String> deliver(String body) {
        return deliver(hub, body);
    }

    /** A delivery signed as Meta signs it: over the very bytes sent, with the app secret. */
    static HttpResponse<String> deliver(HubClient hub, String body) {
        return deliver(hub, "/webhooks/messenger", body);
    }

    static HttpResponse<String> deliver(HubClient hub, String path, String body) {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex("meta-app-secret", bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static String page(String messaging) {
        return """
                {"object": "page", "entry": [{"id": "%s", "time": %d, "messaging": [%s]}]}"""
                .formatted(PAGE, Instant.now().toEpochMilli(), messaging);
    }

    public static String messaging(String sender, String recipient, long timestamp, String event) {
        return """
                {"sender": {"id": "%s"}, "recipient": {"id": "%s"}, "timestamp": %d, %s}"""
                .formatted(sender, recipient, timestamp, event);
    }

    private static void accepted(HubClient hub, String json) {
        assertThat(hub.postHelpdeskEvent(json).statusCode()).isEqualTo(202);
    }
}
