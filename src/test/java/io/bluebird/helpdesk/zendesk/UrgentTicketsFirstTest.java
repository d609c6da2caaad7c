package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.ZendeskStandIn;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While tickets wait (for the helpdesk's budget, for a helpdesk that is down), a new ticket of high priority goes
 * before the normal ones queued earlier: the broker hands out the higher JMS priority first, and the events stay
 * persistent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "bluebird.helpdesks.zendesk.consumers=1",
        "spring.datasource.url=jdbc:h2:mem:urgent-first;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class UrgentTicketsFirstTest {

    @RegisterExtension
    static final StandIn zendesk = new StandIn(options().dynamicPort());

    @DynamicPropertySource
    static void zendeskUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.zendesk.base-url", zendesk::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;

    @Test
    void aHighPriorityTicketIsCreatedBeforeTheNormalOnesQueuedEarlier() throws Exception {
        ZendeskStandIn.grantsTokens(zendesk, "token-1");
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"ticket\": {\"id\": 7400}}")));
        HubClient hub = new HubClient(port);
        camel.getRouteController().stopRoute("deliver-zendesk");
        for (int customer = 0; customer < 3; customer++) {
            assertThat(hub.postMessage(now(HubClient.dm("n-" + customer, "u-n" + customer, "normal" + customer,
                    "Where is my parcel?"))).statusCode()).isEqualTo(202);
        }
        assertThat(hub.postMessage(now(HubClient.dm("r-1", "u-r1", "refunder", "I want a refund"))).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> queued().size() == 4);
        for (Message event : queued()) {
            assertThat(event.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        }

        camel.getRouteController().startRoute("deliver-zendesk");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))).size() == 4);
        List<String> priorities = zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))).stream()
                .map(call -> HubClient.json(call.getBodyAsString()).path("ticket").path("priority").asText())
                .toList();
        assertThat(priorities).containsExactly("high", "normal", "normal", "normal");
    }

    /** Written now, not hours ago (which the long-wait rule would raise to high). */
    private static String now(String message) {
        return message.replace("2026-11-22T10:00:00Z", Instant.now().toString());
    }

    private List<Message> queued() {
        return jms.browse("bluebird.tickets.zendesk", (session, browser) ->
                Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList());
    }
}
