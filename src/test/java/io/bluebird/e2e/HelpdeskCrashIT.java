package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bluebird.HubClient;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub killed (SIGKILL) right after the helpdesk created the ticket and before the hub heard of it, for
 * the stand-in helpdesks: Zendesk answers the repeated Idempotency-Key with the first ticket, as its API documents;
 * Freshdesk has none, and its search finds what was created.
 */
class HelpdeskCrashIT {

    @Test
    void zendeskGetsTheSameIdempotencyKeyAfterTheCrashAndAnswersWithTheFirstTicket() throws Exception {
        WireMockServer zendesk = new WireMockServer(options().dynamicPort());
        zendesk.start();
        zendesk.stubFor(post("/oauth/tokens").willReturn(okJson(
                "{\"access_token\": \"crash-token\", \"token_type\": \"bearer\", \"expires_in\": 7200}")));
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"ticket\": {\"id\": 5151}}")));
        zendesk.stubFor(post("/api/v2/tickets.json").inScenario("create").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("x-idempotency-lookup", "hit").withBody("{\"ticket\": {\"id\": 5151}}")));
        try (HoldingProxy proxy = new HoldingProxy(zendesk.baseUrl(), "POST", "/api/v2/tickets.json");
             RunningHub hub = new RunningHub("zendesk-crash", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                     "SPRING_APPLICATION_JSON", """
                             {"bluebird": {"routing": {"default-helpdesk": "zendesk"}, "helpdesks": {"zendesk":
                              {"base-url": "%s", "client-id": "crash", "client-secret": "crash-secret"}}}}"""
                             .formatted(proxy.url()))).start()) {
            HubClient client = new HubClient(hub.port());
            client.postMessage(HubClient.dm("zdk1", "u-zdk1", "zendeskcrash", "Is anyone there?"));

            assertThat(proxy.awaitAnswered(60)).as("Zendesk answered the create").isTrue();
            hub.kill();
            proxy.release();
            hub.start();

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "5151".equals(client.conversationOf("zendeskcrash").path("helpdeskTicketId").asText(null)));
            List<LoggedRequest> creates = zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json")));
            assertThat(creates).hasSize(2);
            assertThat(creates.get(1).getHeader("Idempotency-Key")).isEqualTo(creates.get(0).getHeader("Idempotency-Key"))
                    .startsWith("bluebird-conversation-");
            assertThat(Files.readString(hub.log())).contains("(idempotency hit)");
        } finally {
            zendesk.stop();
        }
    }

    @Test
    void freshdeskGetsOneTicketThoughTheHubDiedAfterItsCreate() throws Exception {
        WireMockServer freshdesk = new WireMockServer(options().dynamicPort());
        freshdesk.start();
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/search/tickets")).inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"results\": [], \"total\": 0}")));
        freshdesk.stubFor(post("/api/v2/tickets").inScenario("create").willSetStateTo("created")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 4242, \"status\": 2}")));
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/search/tickets")).inScenario("create")
                .whenScenarioStateIs("created").willReturn(okJson("{\"results\": [{\"id\": 4242}], \"total\": 1}")));
        try (HoldingProxy proxy = new HoldingProxy(freshdesk.baseUrl(), "POST", "/api/v2/tickets");
             RunningHub hub = new RunningHub("freshdesk-crash", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                     "SPRING_APPLICATION_JSON", """
                             {"bluebird": {"routing": {"default-helpdesk": "freshdesk"}, "helpdesks": {"freshdesk":
                              {"type": "freshdesk", "base-url": "%s", "api-key": "fd-key"}}}}"""
                             .formatted(proxy.url()))).start()) {
            HubClient client = new HubClient(hub.port());
            client.postMessage(HubClient.dm("fdk1", "u-fdk1", "freshcrash", "Is anyone there?"));

            assertThat(proxy.awaitAnswered(60)).as("Freshdesk answered the create").isTrue();
            hub.kill();
            proxy.release();
            hub.start();

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "4242".equals(client.conversationOf("freshcrash").path("helpdeskTicketId").asText(null)));
            freshdesk.verify(1, postRequestedFor(urlEqualTo("/api/v2/tickets")));
        } finally {
            freshdesk.stop();
        }
    }
}
