package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.HubClient;
import io.bluebird.ZendeskStandIn;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as an operator runs it, against a Zendesk stand-in: the README's first message, and a hub
 * killed with SIGKILL during a Zendesk outage that, once restarted, delivers every message exactly once.
 */
class HubProcessIT {

    private static final String CLIENT_SECRET = "e2e-zendesk-client-secret";

    private final WireMockServer zendesk = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void zendeskStandIn() {
        zendesk.start();
        ZendeskStandIn.grantsTokens(zendesk, "e2e-access-token");
    }

    @AfterEach
    void stop() {
        zendesk.stop();
    }

    private Map<String, String> zendeskHub() {
        return Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                "SPRING_APPLICATION_JSON", """
                        {"bluebird": {"routing": {"default-helpdesk": "zendesk"},
                                      "delivery": {"redelivery-delay": 200, "max-redelivery-delay": 1000,
                                                   "max-redeliveries": 1000},
                                      "helpdesks": {"zendesk": {"base-url": "%s", "client-id": "bluebird-e2e",
                                                                "client-secret": "%s"}}}}"""
                        .formatted(zendesk.baseUrl(), CLIENT_SECRET));
    }

    @Test
    void onItsDefaultsTheHubPutsTheTicketEventWhereAJmsHelpdeskReadsIt() throws Exception {
        try (RunningHub hub = new RunningHub("defaults", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN)).start();
             ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(hub.brokerUrl());
             JMSContext jms = broker.createContext();
             JMSConsumer helpdesk = jms.createConsumer(jms.createQueue("bluebird.helpdesk.tickets"))) {
            HubClient client = new HubClient(hub.port());

            assertThat(client.postMessage(Files.readString(Path.of("examples", "first-message.json"))).statusCode())
                    .isEqualTo(202);

            Message received = helpdesk.receive(20_000);
            assertThat(received).isNotNull();
            JsonNode event = HubClient.json(received.getBody(String.class));
            assertThat(event.path("type").asText()).isEqualTo("ticket.created");
            assertThat(event.path("message").path("id").asText()).isEqualTo("x:dm:1234858592");
            assertThat(client.conversationOf("jdoe").path("helpdesk").asText()).isEqualTo("jms");
            assertThat(Files.exists(hub.log().getParent().resolve("data"))).isTrue();
        }
    }

    @Test
    void theReadmeWalkthroughGetsATicketIntoTheZendeskStandIn() throws Exception {
        WireMockServer standIn = new WireMockServer(options().dynamicPort()
                .usingFilesUnderDirectory(Path.of("examples", "zendesk-stand-in").toString()));
        standIn.start();
        try (RunningHub hub = new RunningHub("readme", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                "BLUEBIRD_ROUTING_DEFAULT_HELPDESK", "zendesk", "ZENDESK_BASE_URL", standIn.baseUrl(),
                "ZENDESK_CLIENT_ID", "bluebird", "ZENDESK_CLIENT_SECRET", "stand-in-secret")).start()) {
            HubClient client = new HubClient(hub.port());

            client.postMessage(Files.readString(Path.of("examples", "first-message.json")));

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "35436".equals(client.conversationOf("jdoe").path("helpdeskTicketId").asText(null)));
        } finally {
            standIn.stop();
        }
    }

    @Test
    void aHubKilledDuringAHelpdeskOutageLosesNothingAndDuplicatesNothing() throws Exception {
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(503)));
        int customers = 20;
        try (RunningHub hub = new RunningHub("killed", zendeskHub()).start()) {
            HubClient client = new HubClient(hub.port());
            for (int i = 0; i < customers; i++) {
                assertThat(client.postMessage(HubClient.dm("k" + i, "uk" + i, "killed" + i, "Message " + i))
                        .statusCode()).isEqualTo(202);
            }
            // killed mid-stream: some messages still on bluebird.inbound, some stored, one in a Zendesk call
            await().atMost(Duration.ofSeconds(30)).until(() -> zendesk.getAllServeEvents().stream()
                    .anyMatch(e -> e.getRequest().getUrl().equals("/api/v2/tickets.json")));
            hub.kill();
            zendesk.resetMappings();
            ZendeskStandIn.grantsTokens(zendesk, "e2e-access-token");
            ZendeskStandIn.createsTickets(zendesk);
            hub.start();

            for (int i = 0; i < customers; i++) {
                String handle = "killed" + i;
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(client.conversationOf(handle).toString()).as(handle).contains("helpdeskTicketId\":\""));
            }
            Map<String, Long> createsPerConversation = ZendeskStandIn.createsPerConversation(zendesk);
            assertThat(createsPerConversation).hasSize(customers);
            assertThat(createsPerConversation.values()).containsOnly(1L);
            assertThat(Files.readString(hub.log())).doesNotContain(CLIENT_SECRET).doesNotContain("e2e-access-token");
        }
    }
}
