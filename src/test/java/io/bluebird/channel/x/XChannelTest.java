package io.bluebird.channel.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The X channel through the running hub: X Activity API deliveries signed as X signs them, an X API stand-in for
 * the token endpoint, posts and DMs, and the JMS helpdesk; mentions, replies, quotes, DMs both ways, the hub's
 * handoff reply, the agent's answer, and what must make nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + XChannelTest.BRAND,
        "bluebird.x.consumer-secret=x-consumer-secret",
        "bluebird.x.bearer-token=app-bearer",
        "bluebird.x.client-id=bluebird-x",
        "bluebird.x.client-secret=x-client-secret",
        "bluebird.x.refresh-token=seed-refresh",
        "bluebird.first-replies.x.enabled=true",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "spring.datasource.url=jdbc:h2:mem:x-channel;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
public class XChannelTest {

    public static final String BRAND = "4337869213";
    static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    @RegisterExtension
    static final StandIn x = new StandIn(options().dynamicPort());

    @DynamicPropertySource
    static void xUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.x.api-base-url", x::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JdbcTemplate jdbc;

    HubClient hub;
    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        x.stubFor(post("/2/oauth2/token").willReturn(okJson("""
                {"token_type": "bearer", "expires_in": 7200, "access_token": "user-access-1",
                 "scope": "tweet.read tweet.write users.read dm.read dm.write offline.access",
                 "refresh_token": "rotated-1"}""")));
        x.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(201).withHeader("Content-Type",
                "application/json").withBody("{\"data\": {\"id\": \"2001\", \"text\": \"…\"}}")));
    }

    @Test
    void theCrcChallengeIsAnsweredWithTheSignedToken() {
        JsonNode answer = hub.getJson("/webhooks/x?crc_token=challenge-123");
        assertThat(answer.path("response_token").asText()).isEqualTo("sha256=" + Hmac.sha256Base64(
                "x-consumer-secret", "challenge-123".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMentionAndTheDmsThatFollowAreOneTicketAndTheHubAnswersOnX() throws Exception {
        String mention = envelope("post.mention.create", xPost("1001", "3805104374", "@brand my order never arrived",
                ""), users("3805104374", "jdoe", "Jane Doe", 1200));
        assertThat(deliver(mention).statusCode()).isEqualTo(200);
        JsonNode created = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(created.path("type").asText()).isEqualTo("ticket.created");
        assertThat(created.path("message").path("id").asText()).isEqualTo("x:public:1001");
        assertThat(created.path("customer").path("handle").asText()).isEqualTo("jdoe");
        assertThat(created.path("customer").path("followers").asLong()).isEqualTo(1200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> x.verify(1, postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer user-access-1"))
                .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1001")))
                .withRequestBody(matchingJsonPath("$.text", containing(
                        "https://x.com/messages/compose?recipient_id=4337869213&text=Hi%21%20About%20my%20post")))));
        x.verify(1, postRequestedFor(urlEqualTo("/2/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "bluebird-x:x-client-secret".getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=seed-refresh&client_id=bluebird-x")));
        assertThat(jdbc.queryForObject("select refresh_token from x_token where account = ?", String.class, BRAND))
                .as("X rotates the refresh token: the newest is kept").isEqualTo("rotated-1");

        deliver(envelope("post.reply.create", xPost("1001", "3805104374", "@brand my order never arrived", ""),
                users("3805104374", "jdoe", "Jane Doe", 1200)));
        deliver(envelope("post.mention.create", xPost("1002", "3805104374", "RT @brand: our new shop",
                ", \"referenced_tweets\": [{\"type\": \"retweeted\", \"id\": \"999\"}]"),
                users("3805104374", "jdoe", "Jane Doe", 1200)));
        deliver(envelope("post.reply.create", xPost("1003", BRAND, "@jdoe we're on it", ""),
                users(BRAND, "brand", "Brand", 50000)));
        deliver(envelope("dm.received", dms(dm("3001", "3805104374", BRAND, "Order 1234"))));

        JsonNode dm = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(dm.path("message").path("id").asText()).as("the reply event, the repost, our own post: nothing")
                .isEqualTo("x:dm:3001");
        assertThat(dm.path("type").asText()).isEqualTo("ticket.updated");
        assertThat(dm.path("conversationId").asText()).isEqualTo(created.path("conversationId").asText());

        x.stubFor(post("/2/dm_conversations/with/3805104374/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"data\": {\"dm_conversation_id\": \"3805104374-4337869213\", \"dm_event_id\": \"4001\"}}")));
        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "A new one ships today."}"""
                .formatted(created.path("conversationId").asText()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> x.verify(1, postRequestedFor(urlEqualTo(
                "/2/dm_conversations/with/3805104374/messages")).withRequestBody(equalToJson(
                "{\"text\": \"A new one ships today.\"}"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.getJson("/api/conversations/"
                + created.path("conversationId").asText()).path("messages").toString().contains("x:dm:4001"));

        deliver(envelope("dm.sent", dms(dm("4001", BRAND, "3805104374", "A new one ships today."))));
        deliver(envelope("dm.sent", dms(dm("4002", BRAND, "3805104374", "PS: tracking is XY123"))));
        JsonNode agent = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(agent.path("message").path("id").asText()).as("the echo of the hub's DM is dropped")
                .isEqualTo("x:dm:4002");
        assertThat(agent.path("message").path("direction").asText()).isEqualTo("out");
        assertThat(agent.path("conversationId").asText()).isEqualTo(created.path("conversationId").asText());
    }

    /** X DMs have no buttons: the survey asks for a number, and a DM of just that number is the answer. */
    @Test
    void aSolvedConversationIsSurveyedInTextAndANumberIsTheAnswer() throws Exception {
        x.stubFor(post("/2/dm_conversations/with/900/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"data\": {\"dm_conversation_id\": \"900-4337869213\", \"dm_event_id\": \"{{randomValue length=12 type='NUMERIC'}}\"}}")
                .withTransformers("response-template")));
        String surveyed = "\"900\": {\"data\": {\"id\": \"900\", \"username\": \"rated\", \"name\": \"Rita\"}}";
        deliver(envelope("dm.received", dms(dm("9001", "900", BRAND, "Where is my refund?")), surveyed));
        String conversation = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();

        assertThat(hub.postHelpdeskEvent("""
                {"type": "ticket.solved", "conversationId": "%s"}""".formatted(conversation)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> x.verify(1, postRequestedFor(urlEqualTo(
                "/2/dm_conversations/with/900/messages")).withRequestBody(matchingJsonPath("$.text",
                containing("How satisfied are you with our help, from 1 (not at all) to 5 (very)?\n\n"
                        + "Reply with a number from 1 to 5.")))));
        deliver(envelope("dm.received", dms(dm("9002", "900", BRAND, "4")), surveyed));

        JsonNode result = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(result.path("type").asText()).isEqualTo("survey.completed");
        assertThat(result.path("survey").path("type").asText()).isEqualTo("csat");
        assertThat(result.path("survey").path("score").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> x.verify(1, postRequestedFor(urlEqualTo(
                "/2/dm_conversations/with/900/messages")).withRequestBody(matchingJsonPath("$.text",
                containing("Thank you for your answer!")))));
    }

    @Test
    void aQuoteAndAReplyArePublicMessagesAndAnotherAccountsDeliveryIsIgnored() throws Exception {
        String quote = xPost("1101", "555", "This brand is great", ", \"referenced_tweets\": [{\"type\": \"quoted\","
                + " \"id\": \"777\"}]");
        deliver(envelope("post.quote.create", quote, users("555", "fan", "A Fan", 3)).replace(
                "\"user_id\": \"" + BRAND + "\"", "\"user_id\": \"1234\""));
        deliver(envelope("post.quote.create", quote, users("555", "fan", "A Fan", 3)));

        JsonNode event = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(event.path("message").path("id").asText()).isEqualTo("x:public:1101");
        assertThat(event.path("message").path("visibility").asText()).isEqualTo("public");

        deliver(envelope("post.reply.create", xPost("1102", "555", "@brand and it broke again", ", \"referenced_tweets\":"
                + " [{\"type\": \"replied_to\", \"id\": \"1003\"}], \"in_reply_to_user_id\": \"" + BRAND + "\""),
                users("555", "fan", "A Fan", 3)));
        JsonNode reply = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(reply.path("message").path("id").asText()).isEqualTo("x:public:1102");
        assertThat(reply.path("message").path("inReplyTo").asText()).as("the post it answers").isEqualTo("1003");
        assertThat(reply.path("conversationId").asText()).isEqualTo(event.path("conversationId").asText());
        jms.setReceiveTimeout(1_500);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).isNull();
    }

    @Test
    void forgedMalformedAndOtherEventsAreAnsweredAsTheyShouldBe() {
        String dm = envelope("dm.received", dms(dm("3901", "3805104399", BRAND, "hello")));
        HttpResponse<String> forged = hub.send(hub.request("/webhooks/x").header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64("guess", bytes(dm)))
                .POST(HttpRequest.BodyPublishers.ofString(dm)));
        HttpResponse<String> unsigned = hub.send(hub.request("/webhooks/x").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dm)));
        HttpResponse<String> malformed = deliver("{\"data\": ");
        HttpResponse<String> follow = deliver(envelope("follow.follow", "{\"source\": {}}"));
        HttpResponse<String> oversized = deliver(envelope("dm.received", dms(dm("3902", "3805104399", BRAND,
                "x".repeat(300 * 1024)))));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(HubClient.json(malformed.body()).path("message").asText()).startsWith("malformed JSON");
        assertThat(follow.statusCode()).isEqualTo(200);
        assertThat(oversized.statusCode()).as("bluebird.http.max-body-size").isEqualTo(413);
    }

    /** What is acknowledged must be processable: no time is the receive time, an unreadable one is refused. */
    @Test
    void aDeliveryWithoutATimeGetsTheReceiveTimeAndOneWithAnUnreadableTimeIsRefused() throws Exception {
        x.stubFor(post("/2/dm_conversations/with/3950/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"data\": {\"dm_conversation_id\": \"3950-4337869213\", \"dm_event_id\": \"4950\"}}")));
        String timeless = "\"3950\": {\"data\": {\"id\": \"3950\", \"username\": \"timeless\", \"name\": \"T\"}}";
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> unreadable = deliver(envelope("dm.received", dms(dm("3951", "3950", BRAND, "soon")
                .replaceFirst("\"created_timestamp\": \"[0-9]+\"", "\"created_timestamp\": \"tomorrow\"")), timeless));
        HttpResponse<String> missing = deliver(envelope("dm.received", dms(dm("3952", "3950", BRAND, "no time")
                .replaceFirst("\"created_timestamp\": \"[0-9]+\",\\s*", "")), timeless));
        HttpResponse<String> post = deliver(envelope("post.mention.create", xPost("3953", "3950", "@brand hi", "")
                .replaceFirst("\"created_at\": \"[^\"]+\",\\s*", ""), users("3950", "timeless", "T", 1)));

        assertThat(HubClient.badRequest(unreadable).path("field").asText())
                .isEqualTo("data.payload.direct_message_events[0].created_timestamp");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(post.statusCode()).isEqualTo(200);
        JsonNode dm = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(dm.path("message").path("id").asText()).as("the refused DM never reached a queue")
                .isEqualTo("x:dm:3952");
        assertThat(Instant.parse(dm.path("message").path("createdAt").asText())).isBetween(before, Instant.now());
        JsonNode mention = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(mention.path("message").path("id").asText()).isEqualTo("x:public:3953");
        assertThat(Instant.parse(mention.path("message").path("createdAt").asText())).isBetween(before, Instant.now());
    }

    /** Null or non-string ids would all be x:dm: (one message), and senders that are objects one customer "". */
    @Test
    void aDeliveryWhoseIdsAreNotStringsIsRefusedNamingTheField() {
        String valid = dms(dm("3961", "3960", BRAND, "hello"));
        HttpResponse<String> nullId = deliver(envelope("dm.received", valid.replace("\"id\": \"3961\"", "\"id\": null")));
        HttpResponse<String> numberId = deliver(envelope("dm.received", valid.replace("\"id\": \"3961\"", "\"id\": 3961")));
        HttpResponse<String> objectSender = deliver(envelope("dm.received", valid.replace("\"sender_id\": \"3960\"",
                "\"sender_id\": {\"id\": \"3960\"}")));
        HttpResponse<String> arrayAuthor = deliver(envelope("post.mention.create", xPost("3962", "3960", "@brand hi", "")
                .replace("\"author_id\": \"3960\"", "\"author_id\": [\"3960\"]")));

        for (HttpResponse<String> refused : new HttpResponse[] {nullId, numberId, objectSender, arrayAuthor}) {
            assertThat(HubClient.badRequest(refused).path("message").asText()).endsWith("is required: a non-empty string");
        }
        assertThat(HubClient.badRequest(nullId).path("field").asText()).isEqualTo("data.payload.direct_message_events[0].id");
        assertThat(HubClient.badRequest(objectSender).path("field").asText())
                .isEqualTo("data.payload.direct_message_events[0].message_create.sender_id");
        assertThat(HubClient.badRequest(arrayAuthor).path("field").asText()).isEqualTo("data.payload.author_id");
        assertThat(jdbc.queryForObject("select count(*) from message where id in ('x:dm:', 'x:dm:3961', 'x:public:3962')",
                Integer.class)).as("nothing reached a queue").isZero();
    }

    /** What is acknowledged fits its columns: x:dm: and a 250-character id is kept, a longer one refused. */
    @Test
    void theLongestIdIsKeptAndALongerOneRefusedNamingTheField() throws Exception {
        x.stubFor(post("/2/dm_conversations/with/3970/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"data\": {\"dm_conversation_id\": \"3970-4337869213\", \"dm_event_id\": \"4970\"}}")));
        String longest = "7".repeat(250);
        HttpResponse<String> tooLong = deliver(envelope("dm.received", dms(dm(longest + "7", "3970", BRAND, "hi"))));
        HttpResponse<String> longSender = deliver(envelope("dm.received", dms(dm("3971", "3".repeat(129), BRAND, "hi"))));
        HttpResponse<String> kept = deliver(envelope("dm.received", dms(dm(longest, "3970", BRAND, "hi"))));

        assertThat(HubClient.badRequest(tooLong).path("message").asText())
                .isEqualTo("'data.payload.direct_message_events[0].id' is longer than 250 characters");
        assertThat(HubClient.badRequest(longSender).path("field").asText())
                .isEqualTo("data.payload.direct_message_events[0].message_create.sender_id");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("id").asText())
                .isEqualTo("x:dm:" + longest);
    }

    /** A query parameter of the webhook's URL (X signs only the body) never travels with the message to the queue. */
    @Test
    void aDeliveryWhoseUrlCarriesAnyQueryParameterIsQueued() {
        HttpResponse<String> answer = deliver("/webhooks/x?not%20an%20identifier=1&JMSXGroupID=g",
                envelope("dm.received", dms(dm("3981", "3980", BRAND, "hello"))));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("id").asText())
                .isEqualTo("x:dm:3981");
    }

    /** What is stored must fit x_token.refresh_token: a longer token, or one that is no string, is a 400. */
    @Test
    void aRefreshTokenThatCannotBeStoredIsRefusedNamingTheField() {
        for (String body : new String[] {"{\"refreshToken\": \"%s\"}".formatted("r".repeat(1025)),
                "{\"refreshToken\": 12345}", "{\"refreshToken\": {\"token\": \"r\"}}"}) {
            assertThat(HubClient.badRequest(hub.send(hub.request("/api/admin/x/authorize")
                    .header("Authorization", "Bearer " + HubClient.TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)))).path("field").asText()).isEqualTo("refreshToken");
        }
    }

    /** Both customers get the automatic welcome DM first: it meets the same refusal and the same rate limit. */
    @Test
    void closedDmsBecomeANoteAndARateLimitWaitsForTheReset() throws Exception {
        x.stubFor(post("/2/dm_conversations/with/600/messages").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"detail": "You cannot send messages to this user.", "type": "about:blank",
                         "title": "Forbidden", "status": 403}""")));
        deliver(envelope("dm.received", dms(dm("3201", "600", BRAND, "Can you help?")),
                "\"600\": {\"data\": {\"id\": \"600\", \"username\": \"closed\", \"name\": \"Closed\"}}"));
        String closed = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();
        String refused = "on x: X POST /2/dm_conversations/with/600/messages answered 403: You cannot send messages"
                + " to this user.";
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("text").asText())
                .startsWith("Bluebird could not deliver this acknowledgement " + refused);
        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Sure!"}""".formatted(closed));
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("text").asText())
                .startsWith("Bluebird could not deliver this agent-reply " + refused);

        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        failsOnceThenSends("700", aResponse().withStatus(429).withHeader("x-rate-limit-limit", "200")
                .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", String.valueOf(reset))
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\": \"Too Many Requests\", \"detail\": \"Too Many Requests\", \"status\": 429}"), "4701");
        deliver(envelope("dm.received", dms(dm("3301", "700", BRAND, "Hello")),
                "\"700\": {\"data\": {\"id\": \"700\", \"username\": \"limited\", \"name\": \"Limited\"}}"));
        String limited = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + limited)
                .path("messages").toString().contains("x:dm:4701"));
        assertThat(Instant.now().getEpochSecond()).as("the retry waited for the reset").isGreaterThanOrEqualTo(reset);
        x.verify(2, postRequestedFor(urlEqualTo("/2/dm_conversations/with/700/messages"))
                .withRequestBody(matchingJsonPath("$.text", containing("1 - Order problem"))));

        failsOnceThenSends("710", aResponse().withStatus(503).withHeader("Retry-After", "2")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\": \"Service Unavailable\", \"status\": 503}"), "4711");
        long unavailableAt = System.currentTimeMillis();
        deliver(envelope("dm.received", dms(dm("3401", "710", BRAND, "Hello?")),
                "\"710\": {\"data\": {\"id\": \"710\", \"username\": \"busy\", \"name\": \"Busy\"}}"));
        String busy = HubClient.received(jms, "bluebird.helpdesk.tickets").path("conversationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.getJson("/api/conversations/" + busy)
                .path("messages").toString().contains("x:dm:4711"));
        assertThat(System.currentTimeMillis() - unavailableAt).as("the retry waited for Retry-After")
                .isGreaterThanOrEqualTo(2_000);

        deliver(envelope("dm.received", dms(dm("3302", "700", BRAND, "2")),
                "\"700\": {\"data\": {\"id\": \"700\", \"username\": \"limited\", \"name\": \"Limited\"}}"));
        JsonNode answer = HubClient.received(jms, "bluebird.helpdesk.tickets");
        assertThat(answer.path("message").path("quickReplyPayload").asText()).as("the number is the choice")
                .isEqualTo("choice:billing");
        assertThat(hub.getJson("/api/conversations/" + limited).path("choice").asText()).isEqualTo("billing");
    }

    /** The DM send to {@code customer} answers {@code failure} once, then sends as {@code dmEventId}. */
    private static void failsOnceThenSends(String customer, ResponseDefinitionBuilder failure, String dmEventId) {
        String path = "/2/dm_conversations/with/" + customer + "/messages";
        x.stubFor(post(path).inScenario(path).whenScenarioStateIs(Scenario.STARTED).willReturn(failure)
                .willSetStateTo("sent"));
        x.stubFor(post(path).inScenario(path).whenScenarioStateIs("sent").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"data": {"dm_conversation_id": "%s-%s", "dm_event_id": "%s"}}"""
                        .formatted(customer, BRAND, dmEventId))));
    }

    private HttpResponse<String> deliver(String body) {
        return deliver("/webhooks/x", body);
    }

    private HttpResponse<String> deliver(String path, String body) {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64("x-consumer-secret", bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static String envelope(String type, String payload) {
        return envelope(type, payload, null);
    }

    /** One XAA delivery; {@code includesOrUsers}: {@code includes.users} for posts, extra DM users otherwise. */
    public static String envelope(String type, String payload, String includesOrUsers) {
        if (type.startsWith("dm.") && includesOrUsers != null) {
            payload = payload.replace("\"users\": {", "\"users\": {" + includesOrUsers + ", ");
        }
        String includes = type.startsWith("post.") && includesOrUsers != null
                ? ", \"includes\": {\"users\": [" + includesOrUsers + "]}" : "";
        return """
                {"data": {"event_uuid": "%s", "filter": {"user_id": "%s"}, "event_type": "%s", "tag": "bluebird",
                          "payload": %s%s}}""".formatted(UUID.randomUUID(), BRAND, type, payload, includes);
    }

    public static String xPost(String id, String authorId, String text, String extra) {
        return """
                {"id": "%s", "text": "%s", "author_id": "%s", "conversation_id": "%s", "created_at": "%s",
                 "entities": {"mentions": [{"start": 0, "end": 6, "username": "brand", "id": "%s"}]}%s}"""
                .formatted(id, text, authorId, id, NOW, BRAND, extra);
    }

    public static String users(String id, String username, String name, long followers) {
        return """
                {"id": "%s", "username": "%s", "name": "%s", "verified": false,
                 "public_metrics": {"followers_count": %d, "following_count": 10}}"""
                .formatted(id, username, name, followers);
    }

    public static String dms(String event) {
        return """
                {"direct_message_events": [%s],
                 "users": {"3805104374": {"data": {"id": "3805104374", "username": "jdoe", "name": "Jane Doe",
                                                   "verified": false, "public_metrics": {"followers_count": 1200}}},
                           "%s": {"data": {"id": "%s", "username": "brand", "name": "Brand"}}}}"""
                .formatted(event, BRAND, BRAND);
    }

    public static String dm(String id, String sender, String recipient, String text) {
        return """
                {"type": "message_create", "id": "%s", "created_timestamp": "%d",
                 "message_create": {"sender_id": "%s", "target": {"recipient_id": "%s"},
                                    "message_data": {"text": "%s", "entities": {"hashtags": [], "urls": []}}}}"""
                .formatted(id, Instant.now().toEpochMilli(), sender, recipient, text);
    }

    private static void accepted(HubClient hub, String json) {
        assertThat(hub.postHelpdeskEvent(json).statusCode()).isEqualTo(202);
    }
}
