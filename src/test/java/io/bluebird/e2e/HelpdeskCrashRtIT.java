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

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.bluebird.HubClient;
import io.bluebird.RequestTracker;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub killed (SIGKILL) right after the helpdesk created the ticket and before the hub heard of it:
 * after the restart the broker hands the event over again, and the adapter finds the ticket it made instead of
 * making another. Request Tracker is the real one; Freshdesk a stand-in whose search finds what was created.
 */
class HelpdeskCrashRtIT {

    @Test
    void requestTrackerGetsOneTicketThoughTheHubDiedAfterItsCreate() throws Exception {
        RequestTracker rt = new RequestTracker();
        try (HoldingProxy proxy = new HoldingProxy(RequestTracker.url(), "POST", "/REST/2.0/ticket");
             RunningHub hub = new RunningHub("rt-crash", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                     "SPRING_APPLICATION_JSON", """
                             {"bluebird": {"routing": {"default-helpdesk": "rt"}, "helpdesks": {"rt": {"type": "rt",
                              "base-url": "%s", "username": "%s", "password": "%s",
                              "conversation-field": "Bluebird Conversation"}}}}"""
                             .formatted(proxy.url(), RequestTracker.USER, RequestTracker.PASSWORD))).start()) {
            String handle = "killed" + System.nanoTime();
            HubClient client = new HubClient(hub.port());
            client.postMessage(HubClient.dm(handle, "u-" + handle, handle, "Is anyone there?"));

            assertThat(proxy.awaitAnswered(60)).as("RT answered the create").isTrue();
            hub.kill();
            proxy.release();
            hub.start();

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    client.conversationOf(handle).path("helpdeskTicketId").asText(null) != null);
            String ticket = client.conversationOf(handle).path("helpdeskTicketId").asText();
            assertThat(rt.ticketsRequestedBy("x-u-" + handle + "@users.bluebird.invalid")).containsExactly(ticket);
            assertThat(hub.starts()).isEqualTo(2);
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
