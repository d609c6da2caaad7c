package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.ZendeskStandIn;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
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
 * Messages that wait while their conversation's delivery cannot go (here the delivery route is stopped, as it waits
 * for a budget or a helpdesk that is down) leave in one call: one create carrying them all, then one update whose
 * comment holds the next ones in order, each with its author and time, and a note that says they were joined. The
 * events of the joined messages come off the queue afterwards and make no call; an update refused and tried again
 * carries the same messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "bluebird.helpdesks.zendesk.consumers=1",
        "spring.datasource.url=jdbc:h2:mem:joined-messages;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class JoinedMessagesTest {

    private static final String TICKET = "/api/v2/tickets/7300.json";

    @RegisterExtension
    static final StandIn zendesk = new StandIn(options().dynamicPort().extensions(new ZendeskAudits()));

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
    @Autowired
    JdbcTemplate database;
    @Autowired
    MeterRegistry meters;

    @Test
    void messagesThatWaitedLeaveInOneCreateThenInOneUpdateTriedAgainWithTheSameMessages() throws Exception {
        ZendeskStandIn.grantsTokens(zendesk, "token-1");
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"ticket\": {\"id\": 7300}}")));
        zendesk.stubFor(put(urlEqualTo(TICKET)).inScenario("refused once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("refused"));
        zendesk.stubFor(put(urlEqualTo(TICKET)).inScenario("refused once").whenScenarioStateIs("refused")
                .willReturn(okJson("{\"ticket\": {}}")));
        HubClient hub = new HubClient(port);

        sendWhileDeliveryWaits(hub, 0, 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered() == 4);
        List<LoggedRequest> creates = zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json")));
        assertThat(creates).hasSize(1);
        String description = HubClient.json(creates.get(0).getBodyAsString()).path("ticket").path("comment")
                .path("body").asText();
        assertThat(description).contains("— @joined on Webchat, private message, 2026-11-22 10:00 UTC")
                .endsWith("(3 more messages after the first, delivered together)");
        assertInOrder(description, 0, 4);
        assertThat(zendesk.findAll(putRequestedFor(urlPathMatching("/api/v2/tickets/.*")))).as("updates").isEmpty();

        sendWhileDeliveryWaits(hub, 4, 7);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered() == 7);
        List<String> comments = zendesk.findAll(putRequestedFor(urlEqualTo(TICKET))).stream()
                .map(call -> HubClient.json(call.getBodyAsString()).path("ticket").path("comment").path("body")
                        .asText()).toList();
        assertThat(comments).as("the refused update and the one tried again").hasSize(2);
        assertThat(comments.get(1)).isEqualTo(comments.get(0))
                .endsWith("(2 more messages after the first, delivered together)");
        assertInOrder(comments.get(0), 4, 7);
        assertThat(zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json")))).hasSize(1);

        DistributionSummary perCall = meters.get("bluebird.helpdesk.messages.per.call").tag("helpdesk", "zendesk")
                .summary();
        assertThat(perCall.max()).as("messages in the largest call").isEqualTo(4);
        assertThat(perCall.count()).as("calls that carried messages, the refused one counted when tried again")
                .isEqualTo(3);
    }

    /** Queues messages {@code from} to {@code to} (exclusive) while the delivery route is stopped, then starts it. */
    private void sendWhileDeliveryWaits(HubClient hub, int from, int to) throws Exception {
        camel.getRouteController().stopRoute("deliver-zendesk");
        for (int n = from; n < to; n++) {
            assertThat(hub.postMessage(message(n)).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jms.browse("bluebird.tickets.zendesk",
                (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size()) == to - from);
        camel.getRouteController().startRoute("deliver-zendesk");
    }

    private static void assertInOrder(String body, int from, int to) {
        List<Integer> positions = IntStream.range(from, to).mapToObj(n -> body.indexOf(text(n))).toList();
        assertThat(positions).as("where each message is").doesNotContain(-1).isSorted();
    }

    private int delivered() {
        return database.queryForObject("select count(*) from delivered_event", Integer.class);
    }

    private static String text(int n) {
        return "joined message " + n + ".";
    }

    private static String message(int n) {
        return HubClient.dm("j-" + n, "u-joined", "joined", text(n)).replace("\"x\"", "\"webchat\"");
    }
}
