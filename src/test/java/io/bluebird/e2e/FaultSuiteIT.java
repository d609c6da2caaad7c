package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.bluebird.HubClient;
import io.bluebird.channel.x.XChannelTest;
import io.bluebird.helpdesk.zendesk.ZendeskAudits;
import io.bluebird.http.Hmac;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite: the packaged hub under a steady stream of signed X DMs while one thing fails, then recovers;
 * each row counts what was sent, acknowledged, lost (acknowledged, never at the helpdesk) and duplicated (at the
 * helpdesk twice: a create counts once per Idempotency-Key, as Zendesk keeps it), and how long after the fault ended
 * the last acknowledged message reached the helpdesk. The table goes to target/fault-table.md. Short outages by
 * default (CI); {@code -Dfaults.full=true} holds each fault for minutes (scripts/fault-suite.sh).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final boolean FULL = Boolean.getBoolean("faults.full");
    private static final Duration FAULT = FULL ? Duration.ofMinutes(3) : Duration.ofSeconds(12);
    private static final Duration CALM = Duration.ofSeconds(4);
    private static final int PER_SECOND = 20;
    private static final int CUSTOMERS = 20;
    private static final String SECRET = "fault-suite-consumer-secret";
    private static final Pattern MARKER = Pattern.compile("fault message (\\d+)");
    private static final List<String> TABLE = new ArrayList<>();

    private final int zendeskPort = freePort();
    private final List<StubMapping> faults = new ArrayList<>();
    private WireMockServer zendesk;

    @BeforeEach
    void zendeskStandIn() {
        zendesk = new WireMockServer(options().port(zendeskPort).extensions(new ZendeskAudits()));
        zendesk.start();
        up();
    }

    @AfterEach
    void stopStandIn() {
        zendesk.stop();
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "| fault (" + (FULL ? "full, default settings" : "short, retries at most 5 s apart") + ": "
                        + FAULT.toSeconds() + " s, " + PER_SECOND
                        + " DMs/s from " + CUSTOMERS + " customers) | sent | acknowledged | lost | duplicated"
                        + " | recovery |",
                "|---|---|---|---|---|---|"));
        lines.addAll(TABLE);
        Files.write(Path.of("target", "fault-table.md"), lines);
        lines.forEach(System.out::println);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void helpdeskAnswers503() throws Exception {
        row("the helpdesk answers 503 (Retry-After: 2)", hub -> helpdeskDown(), hub -> upAgain());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void helpdeskRefusesConnections() throws Exception {
        row("the helpdesk refuses connections", hub -> zendesk.stop(), hub -> zendesk.start());
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void helpdeskNeverAnswers() throws Exception {
        row("the helpdesk takes each call and never answers (past the hub's 10 s timeout)", hub -> {
            fault(post(urlPathMatching("/api/v2/tickets.*")).willReturn(created().withFixedDelay(30_000)));
            fault(put(urlPathMatching("/api/v2/tickets/.*")).willReturn(okJson("{}").withFixedDelay(30_000)));
        }, hub -> upAgain());
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void hubKilledWithItsQueuesFull() throws Exception {
        row("the hub killed (SIGKILL) with the helpdesk down and hundreds of DMs queued, restarted, the helpdesk back",
                hub -> helpdeskDown(), hub -> {
                    hub.kill();
                    hub.start();
                    upAgain();
                });
    }

    private void helpdeskDown() {
        fault(any(urlPathMatching("/api/v2/tickets.*")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "2")));
    }

    /** What the row does to the hub or its helpdesk when the fault starts, and when it ends. */
    private interface Step {
        void run(RunningHub hub) throws Exception;
    }

    /** Runs the load, starts the fault after a calm start, ends it, and waits for every acknowledged message. */
    private void row(String fault, Step start, Step end) throws Exception {
        row(fault, Map.of(), start, end);
    }

    /** The same, with {@code hubSettings} added to the hub's environment. */
    private void row(String fault, Map<String, String> hubSettings, Step start, Step end) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                "X_CONSUMER_SECRET", SECRET, "X_ACCOUNT_ID", XChannelTest.BRAND,
                "BLUEBIRD_ROUTING_DEFAULT_HELPDESK", "zendesk", "ZENDESK_BASE_URL", zendesk.baseUrl(),
                "ZENDESK_CLIENT_ID", "bluebird", "ZENDESK_CLIENT_SECRET", "fault-suite"));
        if (!FULL) {
            // the short run waits less after the fault than the defaults would (backoff to 60 s, breaker open 30 s)
            settings.put("SPRING_APPLICATION_JSON", """
                    {"bluebird": {"delivery": {"max-redelivery-delay": 5000,
                                               "circuit-breaker": {"wait-in-open-state": "5s"}}}}""");
        }
        settings.putAll(hubSettings);
        try (RunningHub hub = new RunningHub("faults-" + TABLE.size(), settings).start()) {
            Load load = new Load(hub.port());
            load.run(CALM);
            start.run(hub);
            load.run(FAULT);
            end.run(hub);
            Instant ended = Instant.now();
            load.run(CALM);

            Instant deadline = Instant.now().plus(FULL ? Duration.ofMinutes(10) : Duration.ofMinutes(3));
            Map<Long, Integer> delivered = delivered();
            while (!delivered.keySet().containsAll(load.acknowledged) && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                delivered = delivered();
            }
            Instant last = lastDelivery();
            Set<Long> lost = new HashSet<>(load.acknowledged);
            lost.removeAll(delivered.keySet());
            long duplicated = delivered.values().stream().filter(times -> times > 1).count();
            TABLE.add("| %s | %d | %d | %d | %d | %s |".formatted(fault, load.sent, load.acknowledged.size(),
                    lost.size(), duplicated, lost.isEmpty() ? Duration.between(ended, last).toSeconds() + " s"
                            : "not within the wait"));
            assertThat(lost).as(fault + ": acknowledged, never delivered").isEmpty();
            assertThat(duplicated).as(fault + ": delivered twice").isZero();
        }
    }

    private void up() {
        zendesk.stubFor(post("/oauth/tokens").willReturn(okJson(
                "{\"access_token\": \"fault-access\", \"token_type\": \"bearer\", \"expires_in\": 7200}")));
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(created()));
        zendesk.stubFor(put(urlPathMatching("/api/v2/tickets/\\d+\\.json")).willReturn(okJson("{\"ticket\": {}}")));
    }

    /** A stub that overrides the working ones until {@link #upAgain()}. */
    private void fault(MappingBuilder stub) {
        faults.add(zendesk.stubFor(stub.atPriority(1)));
    }

    /** Removes the fault's stubs only: without any stub for a moment, Zendesk would answer 404 and be refused. */
    private void upAgain() {
        faults.forEach(zendesk::removeStub);
        faults.clear();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": {{randomInt lower=1 upper=2000000000}} } }")
                .withTransformers("response-template");
    }

    /**
     * How often each message reached the helpdesk in a call it answered with success: a create once per
     * Idempotency-Key (Zendesk answers a repeated key with the first ticket), an update each time.
     */
    private Map<Long, Integer> delivered() {
        Map<Long, Integer> times = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (ServeEvent call : zendesk.getAllServeEvents()) {
            int status = call.getResponse().getStatus();
            String url = call.getRequest().getUrl();
            if (status / 100 != 2 || !url.startsWith("/api/v2/tickets")) {
                continue;
            }
            String key = call.getRequest().getHeader("Idempotency-Key");
            if (url.equals("/api/v2/tickets.json") && key != null && !keys.add(key)) {
                continue;
            }
            Matcher marker = MARKER.matcher(call.getRequest().getBodyAsString());
            Set<Long> inCall = new HashSet<>();
            while (marker.find()) {
                inCall.add(Long.parseLong(marker.group(1)));
            }
            inCall.forEach(id -> times.merge(id, 1, Integer::sum));
        }
        return times;
    }

    private Instant lastDelivery() {
        return zendesk.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/api/v2/tickets"))
                .map(e -> e.getRequest().getLoggedDate().toInstant()).max(Instant::compareTo).orElse(Instant.now());
    }

    /** Signed X dm.received deliveries at a steady rate, customers in turn; what the hub acknowledged, by number. */
    private static final class Load {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final int port;
        private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        private long sent;

        Load(int port) {
            this.port = port;
        }

        void run(Duration duration) throws InterruptedException {
            Instant end = Instant.now().plus(duration);
            while (Instant.now().isBefore(end)) {
                Instant next = Instant.now().plusMillis(1000 / PER_SECOND);
                long n = ++sent;
                String body = XChannelTest.envelope("dm.received", XChannelTest.dms(XChannelTest.dm("f" + n,
                        String.valueOf(1_000_000 + n % CUSTOMERS), XChannelTest.BRAND, "fault message " + n)));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                http.sendAsync(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/webhooks/x"))
                                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(SECRET, bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .thenAccept(answer -> {
                            if (answer.statusCode() == 200) {
                                acknowledged.add(n);
                            }
                        });
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(20)
    void databaseStopped() throws Exception {
        try (ExternalPostgres postgres = ExternalPostgres.fresh()) {
            Map<String, String> settings = new HashMap<>(postgres.settings());
            CompletableFuture<Duration> healthy = new CompletableFuture<>();
            row("the database (PostgreSQL) stopped, then started", settings, hub -> postgres.stop(), hub -> {
                // the door takes DMs meanwhile (it needs only the broker); the health says why nothing is processed
                HttpResponse<String> down = health(hub);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(HubClient.json(down.body()).path("components").path("db").path("status").asText())
                        .isEqualTo("DOWN");
                postgres.start();
                Instant started = Instant.now();
                healthy.completeAsync(() -> {
                    while (health(hub).statusCode() != 200) {
                        pause();
                    }
                    return Duration.between(started, Instant.now());
                });
            });
            assertThat(healthy.get(1, TimeUnit.MINUTES)).as("the health UP again by itself")
                    .isLessThan(Duration.ofSeconds(30));
        }
    }

    private static HttpResponse<String> health(RunningHub hub) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + hub.port() + "/actuator/health")).timeout(Duration.ofSeconds(10))
                            // the components are shown to a caller with the API token only
                            .header("Authorization", "Bearer " + HubClient.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET /actuator/health failed", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
