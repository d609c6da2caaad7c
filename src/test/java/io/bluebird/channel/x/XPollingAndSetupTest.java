package io.bluebird.channel.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.channel.PollBatch;
import io.bluebird.channel.PollCursors;
import io.bluebird.channel.PollLeases;
import io.bluebird.http.Hmac;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * X without a webhook (polling mentions and DMs against an X API stand-in, with its cursors and rate limits) and
 * the webhook set-up endpoint, idempotent.
 */
// its pollers would go on calling the stand-in after it stops: the context ends with the class
// the tests share one hub and its pollers, and the first counts what is polled from the start: in name order
@TestMethodOrder(MethodOrderer.MethodName.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + XChannelTest.BRAND,
        "bluebird.x.consumer-secret=x-consumer-secret",
        "bluebird.x.bearer-token=app-bearer",
        "bluebird.x.client-id=bluebird-x",
        "bluebird.x.client-secret=x-client-secret",
        "bluebird.x.refresh-token=seed-refresh",
        "bluebird.x.webhook-url=https://hub.brand.example/webhooks/x",
        "bluebird.x.poll.enabled=true",
        "bluebird.x.poll.interval=300",
        "spring.datasource.url=jdbc:h2:mem:x-polling;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class XPollingAndSetupTest {

    static final String BRAND = XChannelTest.BRAND;
    @RegisterExtension
    static final StandIn x = new StandIn(options().dynamicPort());

    static {
        stubX();
    }

    @DynamicPropertySource
    static void xUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.x.api-base-url", x::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    PollCursors cursors;
    @Autowired
    PollLeases leases;
    @Autowired
    XSettings settings;
    @Autowired
    XApi api;
    @Autowired
    Clock clock;

    @Test
    void mentionsAndDmsArePolledOnceEachEvenAfterARestartAndEachRateLimitIsHonoured() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Message event = jms.receive("bluebird.helpdesk.tickets");
            assertThat(event).isNotNull();
            ids.add(HubClient.json(event.getBody(String.class)).path("message").path("id").asText());
        }
        assertThat(ids).containsExactlyInAnyOrder("x:public:5001", "x:dm:6001", "x:dm:6002");
        await().atMost(Duration.ofSeconds(10)).until(() -> "5001".equals(cursors.get("x.mentions"))
                && "6002".equals(cursors.get("x.dm_events")));

        jms.setReceiveTimeout(2_000);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).as("nothing polled twice").isNull();
        int afterLimit = x.findAll(getRequestedFor(urlPathEqualTo("/2/users/" + BRAND + "/mentions"))
                .withQueryParam("since_id", equalTo("5001"))).size();
        assertThat(afterLimit).as("remaining 0: no call until the reset, an hour away").isEqualTo(1);
        x.verify(getRequestedFor(urlPathEqualTo("/2/users/" + BRAND + "/mentions"))
                .withHeader("Authorization", equalTo("Bearer app-bearer")));
        x.verify(getRequestedFor(urlPathEqualTo("/2/dm_events"))
                .withHeader("Authorization", equalTo("Bearer user-access-1")));

        jms.setReceiveTimeout(20_000);
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson(dmEvents("6003", "6002", "6001"))));
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("id").asText())
                .as("X limits each endpoint on its own: the mentions' pause does not stop the DMs")
                .isEqualTo("x:dm:6003");

        long reset = Instant.now().plusSeconds(3).getEpochSecond();
        Instant limitedFrom = Instant.now();
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-limit", "15").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", String.valueOf(reset)).withHeader("Content-Type", "application/json")
                .withBody("{\"title\": \"Too Many Requests\", \"detail\": \"Too Many Requests\", \"type\": \"about:blank\","
                        + " \"status\": 429}")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !dmPolls(limitedFrom).isEmpty());
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson(dmEvents("6004", "6003", "6002"))));
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("id").asText())
                .isEqualTo("x:dm:6004");
        List<ServeEvent> limited = dmPolls(limitedFrom);
        assertThat(limited.get(0).getResponse().getStatus()).isEqualTo(429);
        assertThat(limited.get(1).getRequest().getLoggedDate().getTime()).as("no call before the reset")
                .isGreaterThanOrEqualTo(reset * 1000);
        await().atMost(Duration.ofSeconds(10)).until(() -> "6004".equals(cursors.get("x.dm_events")));

        XPolling restarted = new XPolling(settings, api, cursors, leases, clock);
        PollBatch mentions = restarted.mentions();
        PollBatch dms = restarted.directMessages();
        assertThat(mentions.messages()).as("after a restart, the cursors in the database: nothing again").isEmpty();
        assertThat(dms.messages()).isEmpty();
        x.verify(2, getRequestedFor(urlPathEqualTo("/2/users/" + BRAND + "/mentions"))
                .withQueryParam("since_id", equalTo("5001")));
    }

    @Test
    void theSameDmByManyConcurrentWebhooksAndByPollingIsOneTicketEvent() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson(dmEvents("6101"))));
        // X sends the same delivery again when an answer is late: twenty copies at once, and the poll has it too
        String body = XChannelTest.envelope("dm.received", XChannelTest.dms(XChannelTest.dm("6101", "800", BRAND,
                "Message 6101")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HubClient hub = new HubClient(port);
        List<CompletableFuture<Integer>> answers = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> hub.send(hub.request("/webhooks/x").header("Content-Type", "application/json")
                        .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64("x-consumer-secret", bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))).statusCode())).toList();

        assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(200);
        Set<String> events = new HashSet<>();
        Message event;
        while ((event = jms.receive("bluebird.helpdesk.tickets")) != null) {
            String id = HubClient.json(event.getBody(String.class)).path("message").path("id").asText();
            assertThat(events.add(id)).as("one event for " + id).isTrue();
            jms.setReceiveTimeout(3_000);
        }
        assertThat(events).contains("x:dm:6101");
    }

    /** The polls of {@code GET /2/dm_events} since {@code from}, oldest first. */
    private static List<ServeEvent> dmPolls(Instant from) {
        return x.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/2/dm_events")
                        && !e.getRequest().getLoggedDate().toInstant().isBefore(from))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    /** A page of {@code GET /2/dm_events}, newest first, from customer 800 to the brand. */
    private static String dmEvents(String... ids) {
        StringBuilder events = new StringBuilder();
        for (String id : ids) {
            events.append(events.isEmpty() ? "" : ",").append("""
                    {"id": "%s", "event_type": "MessageCreate", "text": "Message %s", "sender_id": "800",
                     "dm_conversation_id": "800-%s", "participant_ids": ["800", "%s"], "created_at": "%s"}"""
                    .formatted(id, id, BRAND, BRAND, Instant.now()));
        }
        return """
                {"data": [%s], "includes": {"users": [{"id": "800", "username": "polled", "name": "Polly"}]},
                 "meta": {"result_count": %d}}""".formatted(events, ids.length);
    }

    @Test
    void theWebhookSetUpCreatesOnlyWhatIsMissingAndReportsWhatXRefuses() {
        HubClient hub = new HubClient(port);

        JsonNode first = ensure(hub);
        JsonNode second = ensure(hub);

        assertThat(first.path("webhookCreated").asBoolean()).isTrue();
        assertThat(first.path("webhookId").asText()).isEqualTo("1146654567674912769");
        assertThat(first.path("crcAttempted").asBoolean()).isTrue();
        assertThat(first.path("valid").asBoolean()).isTrue();
        assertThat(first.path("subscriptions").toString()).contains(
                "{\"eventType\":\"dm.received\",\"created\":false}", "{\"eventType\":\"dm.sent\",\"created\":true}",
                "{\"eventType\":\"post.quote.create\",\"created\":false,\"refused\":\"X POST /2/activity/subscriptions"
                        + " answered 403: This event type is not available on your plan.\"}");
        assertThat(second.path("webhookCreated").asBoolean()).isFalse();
        assertThat(second.path("subscriptions").toString()).contains("{\"eventType\":\"dm.sent\",\"created\":false}");
        x.verify(1, postRequestedFor(urlEqualTo("/2/webhooks")).withHeader("Authorization", equalTo("Bearer app-bearer"))
                .withRequestBody(equalToJson("{\"url\": \"https://hub.brand.example/webhooks/x\"}")));
        x.verify(2, putRequestedFor(urlEqualTo("/2/webhooks/1146654567674912769")));
        x.verify(3 + 1 + 1, postRequestedFor(urlEqualTo("/2/activity/subscriptions"))
                .withHeader("Authorization", equalTo("Bearer user-access-1")));
        x.verify(1, postRequestedFor(urlEqualTo("/2/activity/subscriptions")).withRequestBody(equalToJson("""
                {"event_type": "post.mention.create", "filter": {"user_id": "%s"}, "tag": "bluebird",
                 "webhook_id": "1146654567674912769"}""".formatted(BRAND))));
        x.verify(getRequestedFor(urlPathEqualTo("/2/activity/subscriptions"))
                .withHeader("Authorization", equalTo("Bearer app-bearer")));
        JsonNode state = hub.getJson("/api/admin/x/webhook");
        assertThat(state.path("webhooks").path(0).path("url").asText()).isEqualTo("https://hub.brand.example/webhooks/x");
        assertThat(state.path("subscriptions")).hasSize(4);

        x.stubFor(get("/2/webhooks").willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/problem+json").withBody("""
                {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}""")));
        var refused = hub.send(hub.request("/api/admin/x/webhook").header("Authorization", "Bearer " + HubClient.TOKEN)
                .GET());
        assertThat(refused.statusCode()).as("X's refusal, passed on to the admin").isEqualTo(502);
        assertThat(HubClient.json(refused.body()).path("message").asText())
                .isEqualTo("X GET /2/webhooks answered 401: Unauthorized");
    }

    private static JsonNode ensure(HubClient hub) {
        var answer = hub.send(hub.request("/api/admin/x/webhook").header("Authorization", "Bearer " + HubClient.TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).isEqualTo(200);
        return HubClient.json(answer.body());
    }

    private static void stubX() {
        x.stubFor(post("/2/oauth2/token").willReturn(okJson("""
                {"token_type": "bearer", "expires_in": 7200, "access_token": "user-access-1", "refresh_token": "r2"}""")));
        x.stubFor(post("/2/tweets").willReturn(okJson("{\"data\": {\"id\": \"9\"}}")));
        x.stubFor(get(urlPathEqualTo("/2/users/" + BRAND + "/mentions")).withQueryParam("since_id", absent())
                .willReturn(okJson("""
                        {"data": [{"id": "5001", "text": "@brand where is my refund?", "author_id": "800",
                                   "conversation_id": "5001", "created_at": "%s"}],
                         "includes": {"users": [{"id": "800", "username": "polled", "name": "Polly", "verified": true,
                                                 "public_metrics": {"followers_count": 90}}]},
                         "meta": {"newest_id": "5001", "oldest_id": "5001", "result_count": 1}}"""
                        .formatted(Instant.now()))));
        x.stubFor(get(urlPathEqualTo("/2/users/" + BRAND + "/mentions")).withQueryParam("since_id", equalTo("5001"))
                .willReturn(okJson("{\"meta\": {\"result_count\": 0}}")
                        .withHeader("x-rate-limit-limit", "10").withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()))));
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson("""
                {"data": [
                  {"id": "6002", "event_type": "MessageCreate", "text": "Order 42", "sender_id": "800",
                   "dm_conversation_id": "800-%1$s", "participant_ids": ["800", "%1$s"], "created_at": "%2$s"},
                  {"id": "6001", "event_type": "MessageCreate", "text": "Hi there", "sender_id": "800",
                   "dm_conversation_id": "800-%1$s", "participant_ids": ["800", "%1$s"], "created_at": "%2$s"},
                  {"id": "5999", "event_type": "ParticipantsJoin", "dm_conversation_id": "800-%1$s"}],
                 "includes": {"users": [{"id": "800", "username": "polled", "name": "Polly",
                                         "public_metrics": {"followers_count": 90}}]},
                 "meta": {"result_count": 3}}""".formatted(BRAND, Instant.now()))));
        x.stubFor(get("/2/webhooks").inScenario("webhook").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"data\": [], \"meta\": {\"result_count\": 0}}")));
        x.stubFor(post("/2/webhooks").inScenario("webhook").willSetStateTo("registered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"data": {"id": "1146654567674912769", "url": "https://hub.brand.example/webhooks/x",
                                  "valid": true, "created_at": "2026-11-24T10:00:00.000Z"}}""")));
        x.stubFor(get("/2/webhooks").inScenario("webhook").whenScenarioStateIs("registered").willReturn(okJson("""
                {"data": [{"id": "1146654567674912769", "url": "https://hub.brand.example/webhooks/x", "valid": true,
                           "created_at": "2026-11-24T10:00:00.000Z"}], "meta": {"result_count": 1}}""")));
        x.stubFor(put("/2/webhooks/1146654567674912769").willReturn(okJson("{\"data\": {\"attempted\": true}}")));
        x.stubFor(get(urlPathEqualTo("/2/activity/subscriptions")).inScenario("subscriptions")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("""
                        {"data": [{"subscription_id": "s-1", "event_type": "dm.received",
                                   "filter": {"user_id": "%s"}, "webhook_id": "1146654567674912769",
                                   "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z"}],
                         "meta": {"result_count": 1}}""".formatted(BRAND))));
        x.stubFor(post("/2/activity/subscriptions").inScenario("subscriptions").willSetStateTo("all")
                .willReturn(okJson("""
                        {"data": {"subscription": {"subscription_id": "s-new", "event_type": "dm.sent",
                                                   "filter": {"user_id": "%s"}, "webhook_id": "1146654567674912769"},
                                  "total_subscriptions_for_instance_id": 2}, "meta": {"total_subscriptions": 2}}"""
                        .formatted(BRAND))));
        x.stubFor(post("/2/activity/subscriptions").withRequestBody(matchingJsonPath("$.event_type",
                equalTo("post.quote.create"))).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title": "Forbidden", "type": "about:blank", "status": 403,
                         "detail": "This event type is not available on your plan."}""")));
        StringBuilder all = new StringBuilder();
        for (String type : XSetup.EVENT_TYPES) {
            if (!type.equals("post.quote.create")) {
                all.append(all.isEmpty() ? "" : ",").append("""
                        {"subscription_id": "s-%s", "event_type": "%s", "filter": {"user_id": "%s"},
                         "webhook_id": "1146654567674912769"}""".formatted(type, type, BRAND));
            }
        }
        x.stubFor(get(urlPathEqualTo("/2/activity/subscriptions")).inScenario("subscriptions")
                .whenScenarioStateIs("all")
                .willReturn(okJson("{\"data\": [" + all + "]}")));
    }
}
