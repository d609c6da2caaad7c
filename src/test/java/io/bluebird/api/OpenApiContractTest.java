package io.bluebird.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.channel.messenger.MessengerWebhook;
import io.bluebird.channel.x.XWebhook;
import io.bluebird.deadletter.DeadLetterQueue;
import io.bluebird.http.ApiToken;
import io.bluebird.http.Hmac;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The OpenAPI description (openapi/bluebird.openapi.json) held to the running hub: every operation it lists answers
 * (never Spring's or Tomcat's 404 or 405), each status it documents for an operation is answered to some request
 * made here, every refusal is problem details, and what the description serves is the file in the repository. An
 * outage (the broker away) is played by the bean a route calls first failing for one marked request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + OpenApiContractTest.BRAND,
        "bluebird.x.consumer-secret=" + OpenApiContractTest.X_SECRET,
        "bluebird.x.bearer-token=app-bearer",
        "bluebird.x.client-id=bluebird-x",
        "bluebird.x.client-secret=x-client-secret",
        "bluebird.x.refresh-token=seed-refresh",
        "bluebird.x.webhook-url=" + OpenApiContractTest.WEBHOOK_URL,
        "bluebird.messenger.app-secret=" + OpenApiContractTest.META_SECRET,
        "bluebird.messenger.verify-token=verify-me",
        "bluebird.messenger.page-access-token=page-token",
        "spring.datasource.url=jdbc:h2:mem:openapi-contract;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class OpenApiContractTest {

    static final String BRAND = "4337869213";
    static final String X_SECRET = "x-consumer-secret";
    static final String META_SECRET = "meta-app-secret";
    static final String WEBHOOK_URL = "https://hub.brand.example/webhooks/x";
    /** The token, signature or challenge that makes the first bean of a route fail as in an outage. */
    private static final String OUTAGE = "outage";
    private static final String PROBLEMS = "https://bluebird.example/problems/";

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
    @MockitoSpyBean
    ApiToken apiToken;
    @MockitoSpyBean
    XWebhook xWebhook;
    @MockitoSpyBean
    MessengerWebhook messengerWebhook;

    private HubClient hub;
    private final List<Probe> probes = new ArrayList<>();

    /**
     * A request made to reach {@code status} of the operation {@code method} {@code path} (as the description names
     * it), after {@code before} has set the scene.
     */
    private record Probe(String method, String path, int status, HttpRequest.Builder request, Runnable before) {
        String operation() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEveryStatusItDocumentsAndRefusesWithProblemDetails() throws Exception {
        hub = new HubClient(port);
        JsonNode description = HubClient.json(Files.readString(Path.of("openapi", "bluebird.openapi.json")));
        playOutages();
        String conversationId = aConversation();
        stubX();

        theContract();
        theApi(conversationId);
        theDeadLetters();
        theXSetUp();
        theWebhooks();

        Set<String> answered = new TreeSet<>();
        for (Probe probe : probes) {
            probe.before().run();
            HttpResponse<String> answer = hub.send(probe.request()
                    .header("Accept", "application/problem+json, application/json;q=0.9"));
            String what = probe.operation() + " for " + probe.status() + " → " + answer.statusCode() + " " + answer.body();
            assertThat(answer.statusCode()).as(what).isEqualTo(probe.status());
            if (answer.statusCode() >= 400) {
                assertProblem(answer, what);
            }
            answered.add(probe.operation() + " " + probe.status());
        }
        assertThat(answered).as("the statuses answered are those the description documents")
                .isEqualTo(documented(description));
        assertThat(x.findAllUnmatchedRequests()).as("X called as it is not stubbed").isEmpty();
    }

    @Test
    void theHubServesTheDescriptionAndTheSchemasAsKeptInTheRepository() throws IOException {
        hub = new HubClient(port);
        HttpResponse<String> description = hub.send(hub.request("/api/openapi.json")
                .header("Authorization", "Bearer " + HubClient.TOKEN).GET());

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(HubClient.json(description.body()))
                .isEqualTo(HubClient.json(Files.readString(Path.of("openapi", "bluebird.openapi.json"))));
        assertThat(HubClient.json(description.body()).path("openapi").asText()).isEqualTo("3.1.0");
        for (String ref : List.of("../schemas/bluebird.social-message.v1.schema.json",
                "../schemas/bluebird.helpdesk-event.v1.schema.json")) {
            assertThat(description.body()).contains("\"" + ref + "\"");
            // relative to /api/openapi.json, as a client resolves it
            String file = ref.substring("../schemas/".length());
            HttpResponse<String> schema = hub.send(hub.request("/schemas/" + file).GET());
            assertThat(schema.statusCode()).as(ref).isEqualTo(200);
            assertThat(HubClient.json(schema.body())).isEqualTo(HubClient.json(Files.readString(Path.of("schemas", file))));
        }
        assertThat(hub.send(hub.request("/schemas/..%2Fconfig%2Fapplication.yaml").GET()).statusCode())
                .isIn(400, 404);
    }

    // --- the probes, operation by operation ---

    private void theContract() {
        probe("get", "/api/openapi.json", 200, authorized("/api/openapi.json").GET());
        probe("get", "/api/openapi.json", 401, hub.request("/api/openapi.json").GET());
        probe("get", "/schemas/{file}", 200, hub.request("/schemas/bluebird.ticket.v1.schema.json").GET());
        probe("get", "/schemas/{file}", 404, hub.request("/schemas/bluebird.nothing.schema.json").GET());
    }

    private void theApi(String conversationId) {
        String message = aMessage("contract-2", "Still waiting");
        probe("post", "/api/messages", 202, authorized("/api/messages").POST(json(message)));
        refusedBodies("post", "/api/messages");

        String solved = "{\"type\": \"ticket.solved\", \"conversationId\": \"" + conversationId + "\"}";
        probe("post", "/api/helpdesk-events", 202, authorized("/api/helpdesk-events").POST(json(solved)));
        probe("post", "/api/helpdesk-events", 404, authorized("/api/helpdesk-events")
                .POST(json("{\"type\": \"ticket.solved\", \"conversationId\": \"no-such-conversation\"}")));
        refusedBodies("post", "/api/helpdesk-events");

        reads("/api/conversations", "/api/conversations?handle=contract-jdoe");
        reads("/api/conversations/{id}", "/api/conversations/" + conversationId);
        probe("get", "/api/conversations/{id}", 404, authorized("/api/conversations/no-such-conversation").GET());
        reads("/api/customers/{id}", "/api/customers/" + encoded("contract:77"));
        probe("get", "/api/customers/{id}", 404, authorized("/api/customers/" + encoded("contract:nobody")).GET());
        reads("/api/dead-letters", "/api/dead-letters");
        reads("/api/surveys/summary", "/api/surveys/summary");
        probe("get", "/api/surveys/summary", 400, authorized("/api/surveys/summary?from=last-week").GET());

        probe("post", "/api/admin/x/authorize", 200, authorized("/api/admin/x/authorize")
                .POST(json("{\"refreshToken\": \"contract-refresh\"}")));
        refusedBodies("post", "/api/admin/x/authorize");
    }

    private void theDeadLetters() {
        String replayable = deadLetter("bluebird.contract-replayed");
        String withoutQueue = deadLetter(null);
        probe("post", "/api/dead-letters/{id}/replay", 200, replay(replayable));
        probe("post", "/api/dead-letters/{id}/replay", 409, replay(withoutQueue));
        probe("post", "/api/dead-letters/{id}/replay", 404, replay("ID:no-such-dead-letter"));
        probe("post", "/api/dead-letters/{id}/replay", 401, hub.request("/api/dead-letters/"
                + encoded(withoutQueue) + "/replay").POST(HttpRequest.BodyPublishers.noBody()));
        probe("post", "/api/dead-letters/{id}/replay", 503, hub.request("/api/dead-letters/" + encoded(withoutQueue)
                + "/replay").header("Authorization", "Bearer " + OUTAGE).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** X answers the set-up, then refuses the app: the 502s come last, once X has been told to refuse. */
    private void theXSetUp() {
        probe("get", "/api/admin/x/webhook", 200, authorized("/api/admin/x/webhook").GET());
        probe("post", "/api/admin/x/webhook", 200, authorized("/api/admin/x/webhook").POST(noBody()));
        for (String method : List.of("get", "post")) {
            probe(method, "/api/admin/x/webhook", 401, hub.request("/api/admin/x/webhook")
                    .method(method.toUpperCase(), noBody()));
            probe(method, "/api/admin/x/webhook", 503, hub.request("/api/admin/x/webhook")
                    .header("Authorization", "Bearer " + OUTAGE).method(method.toUpperCase(), noBody()));
        }
        probes.add(new Probe("get", "/api/admin/x/webhook", 502, authorized("/api/admin/x/webhook").GET(),
                () -> x.stubFor(get(urlPathEqualTo("/2/webhooks")).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"Unauthorized\"}")))));
        probe("post", "/api/admin/x/webhook", 502, authorized("/api/admin/x/webhook").POST(noBody()));
    }

    private void theWebhooks() {
        probe("get", "/webhooks/x", 200, hub.request("/webhooks/x?crc_token=challenge").GET());
        probe("get", "/webhooks/x", 400, hub.request("/webhooks/x").GET());
        probe("get", "/webhooks/x", 503, hub.request("/webhooks/x?crc_token=" + OUTAGE).GET());
        String delivery = "{\"data\": {\"event_uuid\": \"1\", \"event_type\": \"post.mention.create\","
                + " \"filter\": {\"user_id\": \"someone-else\"}, \"payload\": {}}}";
        probe("post", "/webhooks/x", 200, xSigned(delivery));
        probe("post", "/webhooks/x", 400, xSigned("{\"data\": "));
        probe("post", "/webhooks/x", 401, hub.request("/webhooks/x").header("x-twitter-webhooks-signature", "sha256=forged")
                .POST(json(delivery)));
        probe("post", "/webhooks/x", 503, hub.request("/webhooks/x").header("x-twitter-webhooks-signature", OUTAGE)
                .POST(json(delivery)));
        tooLargeAndNotJson("post", "/webhooks/x");

        String handshake = "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=%s&hub.challenge=%s";
        probe("get", "/webhooks/messenger", 200, hub.request(handshake.formatted("verify-me", "1158201444")).GET());
        probe("get", "/webhooks/messenger", 403, hub.request(handshake.formatted("guess", "1158201444")).GET());
        probe("get", "/webhooks/messenger", 503, hub.request(handshake.formatted("verify-me", OUTAGE)).GET());
        String page = "{\"object\": \"page\", \"entry\": []}";
        probe("post", "/webhooks/messenger", 200, metaSigned(page));
        probe("post", "/webhooks/messenger", 400, metaSigned("{\"object\": "));
        probe("post", "/webhooks/messenger", 401, hub.request("/webhooks/messenger").POST(json(page)));
        probe("post", "/webhooks/messenger", 503, hub.request("/webhooks/messenger")
                .header("X-Hub-Signature-256", OUTAGE).POST(json(page)));
        tooLargeAndNotJson("post", "/webhooks/messenger");

        String helpdesk = "/webhooks/helpdesks/{name}";
        probe("post", helpdesk, 202, authorized("/webhooks/helpdesks/jms").POST(json("{\"ticket_id\": \"7\"}")));
        probe("post", helpdesk, 400, authorized("/webhooks/helpdesks/jms").POST(json("{\"comment\": \"Hi\"}")));
        probe("post", helpdesk, 401, hub.request("/webhooks/helpdesks/jms").POST(json("{\"ticket_id\": \"7\"}")));
        probe("post", helpdesk, 404, authorized("/webhooks/helpdesks/no-such-desk").POST(json("{\"ticket_id\": \"7\"}")));
        probe("post", helpdesk, 503, hub.request("/webhooks/helpdesks/jms").header("Authorization", "Bearer " + OUTAGE)
                .POST(json("{\"ticket_id\": \"7\"}")));
        tooLargeAndNotJson("post", helpdesk.replace("{name}", "jms"), helpdesk);
    }

    /** 400 (malformed), 401 (no token), 503 (an outage), 413 and 415 for an operation that takes a JSON body. */
    private void refusedBodies(String method, String path) {
        probe(method, path, 400, authorized(path).POST(json("{\"type\": ")));
        probe(method, path, 401, hub.request(path).POST(json("{}")));
        probe(method, path, 503, hub.request(path).header("Authorization", "Bearer " + OUTAGE).POST(json("{}")));
        tooLargeAndNotJson(method, path);
    }

    private void tooLargeAndNotJson(String method, String path) {
        tooLargeAndNotJson(method, path, path);
    }

    private void tooLargeAndNotJson(String method, String target, String path) {
        probe(method, path, 413, hub.request(target).POST(json("{\"text\": \"" + "a".repeat(300 * 1024) + "\"}")));
        probe(method, path, 415, hub.request(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=hello")));
    }

    /** 200, 401 and 503 for an operation that reads. */
    private void reads(String path, String target) {
        probe("get", path, 200, authorized(target).GET());
        probe("get", path, 401, hub.request(target).GET());
        probe("get", path, 503, hub.request(target).header("Authorization", "Bearer " + OUTAGE).GET());
    }

    private void probe(String method, String path, int status, HttpRequest.Builder request) {
        probes.add(new Probe(method, path, status, request, () -> { }));
    }

    // --- what the probes need ---

    /** The beans the routes call first fail for the marked request alone, as a route does with the broker away. */
    private void playOutages() {
        IllegalStateException away = new IllegalStateException("the broker is away (played by the test)");
        doThrow(away).when(apiToken).check("Bearer " + OUTAGE);
        doThrow(away).when(xWebhook).crc(OUTAGE);
        doThrow(away).when(xWebhook).read(any(), eq(OUTAGE));
        doThrow(away).when(messengerWebhook).verify(any(), any(), eq(OUTAGE));
        doThrow(away).when(messengerWebhook).read(any(), eq(OUTAGE));
    }

    private String aConversation() {
        assertThat(hub.postMessage(aMessage("contract-1", "Where is my parcel?")).statusCode()).isEqualTo(202);
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode conversations = hub.getJson("/api/conversations?handle=contract-jdoe").path("conversations");
            assertThat(conversations).isNotEmpty();
            id.set(conversations.path(0).path("id").asText());
        });
        return id.get();
    }

    private static String aMessage(String nativeId, String text) {
        return """
                {"channel": "contract", "visibility": "private", "nativeId": "%s", "account": "brand",
                 "author": {"id": "77", "handle": "contract-jdoe", "name": "Jane Doe"}, "text": "%s"}"""
                .formatted(nativeId, text);
    }

    /** A dead letter put on the queue as the hub puts one there, from {@code origin} (or saying no queue). */
    private String deadLetter(String origin) {
        AtomicReference<Message> sent = new AtomicReference<>();
        new JmsTemplate(connectionFactory).send(DeadLetterQueue.QUEUE, session -> {
            Message message = session.createTextMessage("{\"contract\": true}");
            message.setStringProperty("deadLetterReason", "played by the contract test");
            if (origin != null) {
                message.setStringProperty("deadLetterFrom", origin);
            }
            sent.set(message);
            return message;
        });
        try {
            return sent.get().getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder replay(String id) {
        return authorized("/api/dead-letters/" + encoded(id) + "/replay").POST(noBody());
    }

    /** The app's webhook and the brand's five subscriptions exist, so the set-up calls X as the app alone. */
    private static void stubX() {
        x.stubFor(get(urlPathEqualTo("/2/webhooks")).willReturn(okJson("""
                {"data": [{"id": "1", "url": "%s", "valid": true}]}""".formatted(WEBHOOK_URL))));
        x.stubFor(put(urlPathEqualTo("/2/webhooks/1")).willReturn(okJson("{\"data\": {\"attempted\": true}}")));
        StringBuilder subscriptions = new StringBuilder();
        for (String type : List.of("post.mention.create", "post.reply.create", "post.quote.create", "dm.received",
                "dm.sent")) {
            subscriptions.append(subscriptions.isEmpty() ? "" : ",").append("""
                    {"event_type": "%s", "filter": {"user_id": "%s"}, "webhook_id": "1"}""".formatted(type, BRAND));
        }
        x.stubFor(get(urlPathEqualTo("/2/activity/subscriptions"))
                .willReturn(okJson("{\"data\": [" + subscriptions + "]}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private HttpRequest.Builder authorized(String path) {
        return hub.request(path).header("Authorization", "Bearer " + HubClient.TOKEN)
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder xSigned(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return hub.request("/webhooks/x").header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(X_SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private HttpRequest.Builder metaSigned(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return hub.request("/webhooks/messenger").header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(META_SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    // --- the checks ---

    /** Problem details, of one of the hub's kinds, never Spring's or Tomcat's "nothing here" or "not this method". */
    private static void assertProblem(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = HubClient.json(answer.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.statusCode());
        assertThat(problem.path("title").asText()).as(what).isNotBlank().isEqualTo(problem.path("error").asText());
        assertThat(problem.path("detail").asText()).as(what).isNotBlank().isEqualTo(problem.path("message").asText());
        assertThat(problem.path("type").asText()).as(what).satisfiesAnyOf(
                type -> assertThat(type).startsWith(PROBLEMS), type -> assertThat(type).isEqualTo("about:blank"))
                .isNotEqualTo(PROBLEMS + "no-endpoint");
        assertThat(answer.statusCode()).as(what).isNotEqualTo(405);
        if (answer.statusCode() == 503) {
            assertThat(answer.headers().firstValue("Retry-After")).as(what).isPresent();
        }
    }

    /** Every "METHOD /path status" the description documents (its default response is any other refusal). */
    private static Set<String> documented(JsonNode description) {
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Iterator<String> statuses = operation.getValue().path("responses").fieldNames();
                statuses.forEachRemaining(status -> {
                    if (!status.equals("default")) {
                        documented.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                    }
                });
            }
        }
        return documented;
    }
}
