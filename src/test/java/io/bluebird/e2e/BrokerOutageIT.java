package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.HubClient;
import io.bluebird.ZendeskStandIn;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub in spring.artemis.mode=native on the standalone broker of scripts/artemis-test-server.sh, which
 * is stopped under it and started again: while the hub cannot enqueue, webhooks and POST /api/messages are refused
 * with 503 and a Retry-After at once, and /actuator/health answers within a second; once the broker is back the hub
 * takes messages again by itself, and every message acknowledged before or after is one ticket at the Zendesk
 * stand-in.
 */
class BrokerOutageIT {

    private static final String BRAND = "4337869213";
    private static final String X_SECRET = "outage-x-secret";

    @Test
    void whileTheBrokerIsAwayTheHubRefusesAtOnceAndAfterwardsNothingIsLostOrDoubled() throws Exception {
        WireMockServer zendesk = new WireMockServer(options().dynamicPort());
        zendesk.start();
        ZendeskStandIn.grantsTokens(zendesk, "outage-token");
        ZendeskStandIn.createsTickets(zendesk);
        try (ExternalBroker broker = ExternalBroker.fresh();
             RunningHub hub = new RunningHub("broker-outage", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                     "SPRING_ARTEMIS_MODE", "native", "SPRING_ARTEMIS_BROKER_URL", broker.url(),
                     "SPRING_ARTEMIS_USER", ExternalBroker.USER, "SPRING_ARTEMIS_PASSWORD", ExternalBroker.PASSWORD,
                     "BLUEBIRD_X_CONSUMER_SECRET", X_SECRET, "BLUEBIRD_X_ACCOUNT_ID", BRAND,
                     "SPRING_APPLICATION_JSON", """
                             {"bluebird": {"routing": {"default-helpdesk": "zendesk"}, "helpdesks": {"zendesk":
                              {"base-url": "%s", "client-id": "outage", "client-secret": "outage-secret"}}}}"""
                             .formatted(zendesk.baseUrl()))).start()) {
            HubClient client = new HubClient(hub.port());
            // native: no broker inside the hub, its listen port stays free
            new ServerSocket(URI.create(hub.brokerUrl()).getPort()).close();
            assertThat(Files.readString(hub.log())).doesNotContain("journalDirectory");

            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                assertThat(client.postMessage(HubClient.dm("before-" + i, "u-before-" + i, "before" + i, "Hello"))
                        .statusCode()).isEqualTo(202);
                acknowledged.add("before-" + i);
            }
            assertThat(xDelivery(client, "x-before-1", "x-before-2").statusCode()).isEqualTo(200);
            acknowledged.addAll(List.of("x-before-1", "x-before-2"));

            broker.stop();
            long slowestRefusal = 0;
            long slowestHealth = 0;
            for (int i = 0; i < 8; i++) {
                Instant start = Instant.now();
                HttpResponse<String> refused = i % 2 == 0
                        ? client.postMessage(HubClient.dm("during-" + i, "u-during-" + i, "during" + i, "Hello"))
                        : xDelivery(client, "x-during-" + i);
                slowestRefusal = Math.max(slowestRefusal, Duration.between(start, Instant.now()).toMillis());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                JsonNode error = HubClient.json(refused.body());
                assertThat(error.path("status").asInt()).isEqualTo(503);
                assertThat(error.path("error").asText()).isEqualTo("Service Unavailable");

                start = Instant.now();
                HttpResponse<String> health = health(client);
                slowestHealth = Math.max(slowestHealth, Duration.between(start, Instant.now()).toMillis());
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(HubClient.json(health.body()).path("components").path("jms").path("status").asText())
                        .isEqualTo("DOWN");
                Thread.sleep(300);
            }

            broker.start();
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                    client.postMessage(HubClient.dm("after-0", "u-after-0", "after0", "Hello")).statusCode() == 202);
            long recovery = Duration.between(back, Instant.now()).toMillis();
            acknowledged.add("after-0");
            assertThat(xDelivery(client, "x-after-1").statusCode()).isEqualTo(200);
            acknowledged.add("x-after-1");
            assertThat(slowestRefusal).isLessThan(1_000);
            assertThat(slowestHealth).isLessThan(1_000);

            // each message from its own customer: one conversation, one ticket; nothing of what was refused
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    ZendeskStandIn.createsPerConversation(zendesk).size() >= acknowledged.size());
            System.out.printf("broker outage: slowest 503 %d ms, slowest health %d ms; after the broker was back,"
                    + " enqueueing again in %d ms, every ticket in %d ms%n", slowestRefusal, slowestHealth, recovery,
                    Duration.between(back, Instant.now()).toMillis());
            Thread.sleep(2_000);
            // one Idempotency-Key per acknowledged message; a create repeated under the same key (the broker went away
            // between Zendesk's 201 and the delivery's commit) is the same ticket, as Zendesk answers it
            Map<String, Long> tickets = ZendeskStandIn.createsPerConversation(zendesk);
            assertThat(tickets).hasSize(acknowledged.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(HubClient.json(health(client).body())
                    .path("components").path("jms").path("status").asText()));
        } finally {
            zendesk.stop();
        }
    }

    /** The health with its components, as the API token shows them. */
    private static HttpResponse<String> health(HubClient client) {
        return client.send(client.request("/actuator/health").header("Authorization", "Bearer " + HubClient.TOKEN)
                .GET());
    }

    /** One signed X Activity API delivery of dm.received events, one DM per id, each from its own customer. */
    private static HttpResponse<String> xDelivery(HubClient client, String... dmIds) {
        return new XWebhook(client, X_SECRET, BRAND).dmReceived(Stream.of(dmIds)
                .map(id -> new XWebhook.Dm(id, "c-" + id, id.replace("-", ""), "Hello")).toList());
    }
}
