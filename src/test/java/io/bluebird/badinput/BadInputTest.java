package io.bluebird.badinput;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.BluebirdApplication;
import io.bluebird.HubClient;
import io.bluebird.HubClient.RawAnswer;
import io.bluebird.channel.messenger.MessengerChannelTest;
import io.bluebird.channel.x.XChannelTest;
import io.bluebird.http.Hmac;
import io.bluebird.http.PathIds;
import jakarta.jms.ConnectionFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * The bad-input suite: every door of the running hub (every platform-http route of its Camel context) gets a
 * generated corpus, correctly signed where the door checks a signature (X: base64 HMAC-SHA256 of the body with the
 * consumer secret; Meta: hex, with the app secret). Every answer is a refusal in the hub's JSON error shape (400,
 * 401, 403 for Meta's handshake, 404, 413) or, where the input was in fact valid, the door's own success: never a
 * 5xx, never an HTML page. After the whole corpus a valid X DM and a valid API message still become Zendesk tickets,
 * and no accepted input is left on a queue or dead-lettered: what a door acknowledged, the hub could process.
 *
 * <p>Tries per property: {@code jqwik.tries.default} in {@code junit-platform.properties}, bounded for CI; a longer
 * run is {@code mvn test -Dtest=BadInputTest -Djqwik.tries.default=2000}.
 */
class BadInputTest {

    record Door(String method, String path) {
        String at(String id) {
            return path.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(id));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every door the corpus knows; {@link #everyDoorOfTheHubIsInTheCorpus()} keeps it complete. */
    static final Set<Door> DOORS = Set.of(new Door("GET", "/webhooks/x"), new Door("POST", "/webhooks/x"),
            new Door("GET", "/webhooks/messenger"), new Door("POST", "/webhooks/messenger"),
            new Door("POST", "/api/messages"), new Door("POST", "/api/helpdesk-events"),
            new Door("POST", "/webhooks/helpdesks/{helpdesk}"), new Door("GET", "/api/conversations"),
            new Door("GET", "/api/conversations/{id}"), new Door("GET", "/api/customers/{id}"),
            new Door("GET", "/api/dead-letters"), new Door("POST", "/api/dead-letters/{id}/replay"),
            new Door("GET", "/api/surveys/summary"), new Door("GET", "/api/admin/x/webhook"),
            new Door("POST", "/api/admin/x/webhook"), new Door("POST", "/api/admin/x/authorize"),
            new Door("GET", "/api/openapi.json"), new Door("GET", "/schemas/{file}"));

    static final String X_SECRET = "x-consumer-secret";
    static final String META_SECRET = "meta-app-secret";
    static final String BEARER = "Bearer " + HubClient.TOKEN;

    static WireMockServer standIn;
    static ConfigurableApplicationContext hub;
    static HubClient client;
    static String conversationId;
    static String ticket;
    static final AtomicInteger sent = new AtomicInteger();
    static Instant startedAt;

    @BeforeContainer
    static void startTheHub() {
        standIn = StandIn.zendeskAndX();
        standIn.stubFor(get(urlPathMatching("/graph/.*")).willReturn(okJson("{\"name\": \"Jane Doe\"}")));
        standIn.stubFor(get(urlPathMatching("/2/.*")).willReturn(okJson("{\"data\": []}")));
        // agents' replies and surveys go out to the channels of the conversations the corpus made
        standIn.stubFor(post("/2/tweets").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"data\": {\"id\": \"{{randomValue length=12 type='NUMERIC'}}\"}}")));
        standIn.stubFor(post("/graph/me/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"recipient_id\": \"1\", \"message_id\": \"m_{{randomValue length=12}}\"}")));
        Map<String, String> settings = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("bluebird.api.token", HubClient.TOKEN),
                Map.entry("bluebird.x.account-id", XChannelTest.BRAND),
                Map.entry("bluebird.x.consumer-secret", X_SECRET),
                Map.entry("bluebird.x.bearer-token", "app-bearer"),
                Map.entry("bluebird.x.client-id", "bluebird-x"),
                Map.entry("bluebird.x.client-secret", "x-client-secret"),
                Map.entry("bluebird.x.refresh-token", "seed-refresh"),
                Map.entry("bluebird.x.api-base-url", standIn.baseUrl()),
                Map.entry("bluebird.messenger.app-secret", META_SECRET),
                Map.entry("bluebird.messenger.verify-token", "verify-me"),
                Map.entry("bluebird.messenger.page-access-token", "page-token"),
                Map.entry("bluebird.messenger.graph-base-url", standIn.baseUrl() + "/graph"),
                Map.entry("bluebird.routing.default-helpdesk", "zendesk"),
                Map.entry("bluebird.helpdesks.zendesk.base-url", standIn.baseUrl()),
                Map.entry("bluebird.helpdesks.zendesk.client-id", "bluebird-test"),
                Map.entry("bluebird.helpdesks.zendesk.client-secret", "zendesk-client-secret"),
                Map.entry("bluebird.helpdesks.zendesk.webhook-secret", "zendesk-signing-secret"),
                Map.entry("bluebird.delivery.redelivery-delay", "50"),
                Map.entry("bluebird.delivery.max-redelivery-delay", "200"),
                // what fails in processing shows up as a dead letter within the run, not after minutes
                Map.entry("bluebird.broker.max-delivery-attempts", "2"),
                Map.entry("spring.datasource.url", "jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1"),
                Map.entry("spring.artemis.embedded.persistent", "false"));
        // as command-line arguments, which win over config/application.yaml as a test's properties do
        hub = new SpringApplicationBuilder(BluebirdApplication.class).run(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        client = new HubClient(((ServletWebServerApplicationContext) hub).getWebServer().getPort());
        HttpResponse<String> seeded = client.postMessage(socialMessage("seed", "seed-customer",
                "the conversation events are about"));
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.conversationOf("seed-customer").path("helpdeskTicketId").asText(null) != null);
        conversationId = client.conversationOf("seed-customer").path("id").asText();
        ticket = client.conversationOf("seed-customer").path("helpdeskTicketId").asText();
        startedAt = Instant.now();
    }

    /** After the whole corpus: the queues are not stuck, and nothing acknowledged failed afterwards. */
    @AfterContainer
    static void aValidMessageStillBecomesATicket() {
        if (hub == null) {
            standIn.stop();
            return;
        }
        try {
            System.out.printf("Bad-input corpus: %d requests in %d s%n", sent.get(),
                    Duration.between(startedAt, Instant.now()).toSeconds());
            String dmText = "After the corpus, by X " + UUID.randomUUID();
            String apiText = "After the corpus, by the API " + UUID.randomUUID();
            assertThat(signedX(Corpus.utf8(XChannelTest.envelope("dm.received", XChannelTest.dms(XChannelTest.dm(
                    "after-" + UUID.randomUUID(), "after-x-customer", XChannelTest.BRAND, dmText))))).statusCode())
                    .isEqualTo(200);
            assertThat(client.postMessage(socialMessage("after-" + UUID.randomUUID(), "after-api-customer", apiText))
                    .statusCode()).isEqualTo(202);
            for (String text : List.of(dmText, apiText)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> standIn.verify(1,
                        postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withRequestBody(
                                matchingJsonPath("$.ticket.comment.body", containing(text)))));
            }
            JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String queue : List.of("bluebird.inbound", "bluebird.helpdesk.events", "bluebird.tickets.zendesk")) {
                    assertThat(depth(jms, queue)).as(queue).isZero();
                }
            });
            assertThat(client.getJson("/api/dead-letters").path("deadLetters")).as("what a door took, it processed")
                    .isEmpty();
        } finally {
            hub.close();
            standIn.stop();
        }
    }

    @Example
    void everyDoorOfTheHubIsInTheCorpus() {
        Set<Door> routes = hub.getBean(CamelContext.class).getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof PlatformHttpEndpoint)
                .map(route -> (PlatformHttpEndpoint) route.getEndpoint())
                .map(endpoint -> new Door(endpoint.getHttpMethodRestrict(), endpoint.getPath()))
                .collect(Collectors.toSet());
        assertThat(routes).as("a new door needs its corpus here").containsExactlyInAnyOrderElementsOf(DOORS);
    }

    // --- bodies, signed or with the right token, so that the door reads them ---

    @Property
    void xDeliveries(@ForAll("xBodies") byte[] body) {
        assertAnswer(signedX(body), Set.of(200, 400, 413), "POST /webhooks/x", body);
    }

    @Property
    void messengerDeliveries(@ForAll("metaBodies") byte[] body) {
        assertAnswer(signedMeta(body), Set.of(200, 400, 413), "POST /webhooks/messenger", body);
    }

    @Property
    void apiMessages(@ForAll("socialMessages") byte[] body) {
        assertAnswer(bearer(new Door("POST", "/api/messages"), "", body, BEARER), Set.of(202, 400, 413),
                "POST /api/messages", body);
    }

    @Property
    void helpdeskEvents(@ForAll("helpdeskEventBodies") byte[] body) {
        assertAnswer(bearer(new Door("POST", "/api/helpdesk-events"), "", body, BEARER),
                Set.of(202, 400, 404, 413), "POST /api/helpdesk-events", body);
    }

    @Property
    void helpdeskWebhooks(@ForAll("nativeEventBodies") byte[] body, @ForAll boolean zendeskSigned) {
        Door door = new Door("POST", "/webhooks/helpdesks/zendesk");
        HttpResponse<String> answer;
        if (zendeskSigned) {
            String timestamp = Instant.now().toString();
            answer = send(client.request(door.path()).header("Content-Type", "application/json")
                    .header("X-Zendesk-Webhook-Signature", Hmac.sha256Base64("zendesk-signing-secret",
                            Corpus.concat(Corpus.utf8(timestamp), body)))
                    .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        } else {
            answer = bearer(door, "", body, BEARER);
        }
        assertAnswer(answer, Set.of(202, 400, 404, 413), door.toString(), body);
    }

    @Property
    void xAuthorizations(@ForAll("refreshTokenBodies") byte[] body) {
        assertAnswer(bearer(new Door("POST", "/api/admin/x/authorize"), "", body, BEARER),
                Set.of(200, 400, 413), "POST /api/admin/x/authorize", body);
    }

    // --- credentials ---

    @Property
    void wrongSignaturesAreRefused(@ForAll("signatureHeaders") String signature, @ForAll boolean meta) {
        byte[] body = Corpus.utf8(meta ? metaSeed() : xDmSeed());
        String header = signature.isEmpty() ? null : meta ? "X-Hub-Signature-256" : "x-twitter-webhooks-signature";
        assertAnswer(postJson(meta ? "/webhooks/messenger" : "/webhooks/x", header, signature, body), Set.of(401),
                (meta ? "Meta" : "X") + " signed " + signature, body);
    }

    @Property
    void wrongTokensAreRefused(@ForAll("tokenDoors") Door door, @ForAll("wrongAuthorizations") String authorization) {
        byte[] body = Corpus.utf8(seedOf(door));
        assertAnswer(bearer(door, "", body, authorization), Set.of(401), door + " with " + authorization, body);
    }

    // --- paths and query strings ---

    @Property
    void hostilePathIds(@ForAll("idDoors") Door door, @ForAll("pathIds") String id) {
        byte[] body = Corpus.utf8(seedOf(door));
        assertAnswer(bearer(door.at(PathIds.encoded(id)), door.method(), "", body, BEARER),
                Set.of(200, 400, 404), door + " with id " + id, body);
    }

    @Property
    void pathsTomcatRefuses(@ForAll("idDoors") Door door, @ForAll("malformedIds") String raw) {
        sent.incrementAndGet();
        RawAnswer answer = client.rawRequest(door.method() + " " + door.at(raw) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + HubClient.TOKEN + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertError(answer.status(), answer.contentType(), answer.body(), Set.of(400, 404), door + " at " + raw);
    }

    /** Over the socket: java.net.URI refuses most of these before they could be sent. */
    @Property
    void hostileQueryStrings(@ForAll("allDoors") Door door, @ForAll("queries") String query) {
        String body = seedOf(door);
        byte[] bytes = Corpus.utf8(body);
        String credentials = switch (door.path()) {
            case "/webhooks/x" -> "x-twitter-webhooks-signature: sha256=" + Hmac.sha256Base64(X_SECRET, bytes);
            case "/webhooks/messenger" -> "X-Hub-Signature-256: sha256=" + Hmac.sha256Hex(META_SECRET, bytes);
            default -> "Authorization: " + BEARER;
        };
        String target = door.at(door.path().contains("{id}") ? conversationId : "zendesk") + "?" + query;
        sent.incrementAndGet();
        RawAnswer answer = client.rawRequest(door.method() + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + credentials + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body);
        Set<Integer> allowed = Set.of(200, 202, 400, 403, 404);
        if (answer.status() < 400) {
            assertThat(answer.status()).as(door + "?" + query + " → " + answer.body()).isIn(allowed);
        } else {
            assertError(answer.status(), answer.contentType(), answer.body(), allowed, door + "?" + query);
        }
    }

    // --- the corpus of each door ---

    @Provide
    Arbitrary<byte[]> xBodies() {
        return Corpus.bodies(xDmSeed(), XChannelTest.envelope("post.mention.create", XChannelTest.xPost("1001",
                "3805104374", "@brand my order", ""), XChannelTest.users("3805104374", "jdoe", "Jane Doe", 1200)));
    }

    @Provide
    Arbitrary<byte[]> metaBodies() {
        return Corpus.bodies(metaSeed(), metaSeed().replace("\"page\"", "\"instagram\""));
    }

    @Provide
    Arbitrary<byte[]> socialMessages() {
        return Corpus.bodies(socialMessage("fuzz-1", "fuzz-customer", "Where is my parcel?"), """
                {"channel": "fuzz", "visibility": "public", "direction": "out", "nativeId": "fuzz-2",
                 "account": "brand", "author": {"id": "brand"}, "recipient": {"id": "fuzz-customer", "handle": "f"},
                 "text": "We are on it", "inReplyTo": "fuzz-1"}""");
    }

    @Provide
    Arbitrary<byte[]> helpdeskEventBodies() {
        return Corpus.bodies(helpdeskEventSeed(), """
                {"type": "ticket.solved", "helpdesk": "zendesk", "helpdeskTicketId": "%s"}""".formatted(ticket));
    }

    @Provide
    Arbitrary<byte[]> nativeEventBodies() {
        return Corpus.bodies(nativeEventSeed());
    }

    @Provide
    Arbitrary<byte[]> refreshTokenBodies() {
        return Corpus.bodies("{\"refreshToken\": \"fuzz-refresh\"}");
    }

    @Provide
    Arbitrary<String> signatureHeaders() {
        byte[] x = Corpus.utf8(xDmSeed());
        byte[] meta = Corpus.utf8(metaSeed());
        String xRight = Hmac.sha256Base64(X_SECRET, x);
        String metaRight = Hmac.sha256Hex(META_SECRET, meta);
        return Arbitraries.oneOf(Arbitraries.of("", "sha256=", "sha256", "sha1=" + metaRight, "SHA256=" + xRight,
                        "sha256=" + Hmac.sha256Base64("guess", x), "sha256=" + Hmac.sha256Hex("guess", meta),
                        "sha256=" + Hmac.sha256Base64(X_SECRET, Corpus.utf8("{}")),
                        "sha256=" + Hmac.sha256Hex(META_SECRET, Corpus.utf8("{}")), "sha256=" + xRight + "A",
                        "sha256=" + metaRight.substring(1), "sha256=" + metaRight.toUpperCase() + "0",
                        "sha256=" + xRight.substring(0, 20), xRight, metaRight, "sha256=${header.Authorization}"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80).map(s -> "sha256=" + s));
    }

    @Provide
    Arbitrary<String> wrongAuthorizations() {
        return Corpus.wrongAuthorizations(HubClient.TOKEN);
    }

    @Provide
    Arbitrary<Door> tokenDoors() {
        return Arbitraries.of(DOORS.stream().filter(door -> door.path().startsWith("/api/")
                || door.path().startsWith("/webhooks/helpdesks/")).toList());
    }

    @Provide
    Arbitrary<Door> idDoors() {
        return Arbitraries.of(DOORS.stream().filter(door -> door.path().contains("{")).toList());
    }

    @Provide
    Arbitrary<Door> allDoors() {
        return Arbitraries.of(List.copyOf(DOORS));
    }

    @Provide
    Arbitrary<String> pathIds() {
        return Corpus.pathIds();
    }

    @Provide
    Arbitrary<String> malformedIds() {
        return Corpus.malformedIds();
    }

    @Provide
    Arbitrary<String> queries() {
        return Corpus.queryStrings("crc_token", "handle", "from", "to", "hub.mode", "hub.verify_token",
                "hub.challenge");
    }

    // --- requests ---

    /** Signed as X signs: base64 HMAC-SHA256 of the body with the consumer secret. */
    private static HttpResponse<String> signedX(byte[] body) {
        return postJson("/webhooks/x", "x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(X_SECRET, body), body);
    }

    /** Signed as Meta signs: hex HMAC-SHA256 of the body with the app secret. */
    private static HttpResponse<String> signedMeta(byte[] body) {
        return postJson("/webhooks/messenger", "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(META_SECRET, body), body);
    }

    /** A JSON POST with one header of credentials ({@code header} null: none). */
    private static HttpResponse<String> postJson(String path, String header, String value, byte[] body) {
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(header == null ? request : request.header(header, value));
    }

    private static HttpResponse<String> bearer(Door door, String query, byte[] body, String authorization) {
        return bearer(door.at(door.path().contains("{id}") ? conversationId : "zendesk"), door.method(), query, body,
                authorization);
    }

    /** A request with an Authorization header ({@code ""}: none), the body only on a POST. */
    private static HttpResponse<String> bearer(String path, String method, String query, byte[] body,
                                               String authorization) {
        HttpRequest.Builder request = client.request(path + query).header("Content-Type", "application/json");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return send("POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.ofByteArray(body))
                : request.GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        sent.incrementAndGet();
        return client.send(request);
    }

    // --- answers ---

    /** An allowed status; a refusal in the hub's JSON error shape; never a 5xx, never HTML. */
    private static void assertAnswer(HttpResponse<String> answer, Set<Integer> allowed, String what, byte[] body) {
        String request = what + " " + shown(body);
        String type = answer.headers().firstValue("Content-Type").orElse(null);
        if (answer.statusCode() < 400) {
            assertThat(answer.statusCode()).as(request + " → " + answer.body()).isIn(allowed);
            assertThat(answer.body()).as(request).doesNotContainIgnoringCase("<html");
        } else {
            assertError(answer.statusCode(), type, answer.body(), allowed, request);
        }
    }

    private static void assertError(int status, String type, String body, Set<Integer> allowed, String request) {
        assertThat(status).as(request + " → " + body).isLessThan(500).isIn(allowed);
        assertThat(type).as(request + " → " + body).startsWith("application/json");
        JsonNode error = HubClient.json(body);
        assertThat(error.path("status").asInt()).as(request + " → " + body).isEqualTo(status);
        assertThat(error.path("error").asText()).as(request + " → " + body).isNotBlank();
        assertThat(error.path("message").asText()).as(request + " → " + body).isNotBlank();
    }

    private static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
    }

    private static int depth(JmsTemplate jms, String queue) {
        Integer depth = jms.browse(queue, (session, browser) -> Collections.list(
                (Enumeration<?>) browser.getEnumeration()).size());
        return depth == null ? 0 : depth;
    }

    // --- seeds: one valid input of each door ---

    private static String seedOf(Door door) {
        return switch (door.path()) {
            case "/webhooks/x" -> xDmSeed();
            case "/webhooks/messenger" -> metaSeed();
            case "/api/messages" -> socialMessage("fuzz-3", "fuzz-customer", "Hello");
            case "/api/helpdesk-events" -> helpdeskEventSeed();
            case "/webhooks/helpdesks/{helpdesk}" -> nativeEventSeed();
            case "/api/admin/x/authorize" -> "{\"refreshToken\": \"fuzz-refresh\"}";
            default -> "";
        };
    }

    private static String xDmSeed() {
        return XChannelTest.envelope("dm.received", XChannelTest.dms(XChannelTest.dm("3001", "3805104374",
                XChannelTest.BRAND, "Order 1234 never arrived")));
    }

    private static String metaSeed() {
        return MessengerChannelTest.page(MessengerChannelTest.messaging("6001", MessengerChannelTest.PAGE,
                System.currentTimeMillis(), """
                        "message": {"mid": "m_fuzz", "text": "O\\u00f9 est ma commande ?",
                                    "quick_reply": {"payload": "choice:order"},
                                    "attachments": [{"type": "image", "payload": {"url": "https://example.com/a.png"}}]}"""));
    }

    private static String helpdeskEventSeed() {
        return """
                {"type": "agent.reply", "conversationId": "%s", "helpdesk": "zendesk", "helpdeskTicketId": "%s",
                 "text": "A new one ships today.", "visibility": "private"}""".formatted(conversationId, ticket);
    }

    private static String nativeEventSeed() {
        return """
                {"ticket_id": "%s", "conversation_id": "%s", "comment": "A new one ships today.", "status": "open"}"""
                .formatted(ticket, conversationId);
    }

    static String socialMessage(String nativeId, String authorId, String text) {
        return """
                {"channel": "fuzz", "visibility": "private", "direction": "in", "nativeId": "%s", "account": "brand",
                 "author": {"id": "%s", "handle": "%s", "name": "Fuzz Customer", "followers": 3, "verified": false},
                 "recipient": null, "text": "%s", "inReplyTo": null, "quickReplyPayload": "choice:order",
                 "attachments": [{"type": "image", "url": "https://example.com/a.png"}],
                 "createdAt": "2026-11-22T10:00:00Z"}""".formatted(nativeId, authorId, authorId, text);
    }
}
