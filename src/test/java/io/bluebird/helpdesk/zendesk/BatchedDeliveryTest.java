package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
 * The delivery route takes what waits on bluebird.tickets.zendesk in batches (BatchedConsumers): events queued while
 * it was stopped reach Zendesk in fewer transactions than events, each conversation's in order, once each; and an
 * event whose call fails in the middle of a batch first commits the events delivered before it, so that while it
 * waits for Zendesk (here 2 s of Retry-After) none of them is held uncommitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "bluebird.helpdesks.zendesk.consumers=1",
        "bluebird.delivery.batch-size=32",
        // each message its own call, as this is about the batches' transactions (JoinedMessagesTest joins them)
        "bluebird.delivery.join-limit=1",
        "spring.datasource.url=jdbc:h2:mem:batched-delivery;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class BatchedDeliveryTest {

    private static final int CUSTOMERS = 5;
    private static final int EACH = 4;
    private static final String FAILING_TICKET = "/api/v2/tickets/" + ticketOf(CUSTOMERS - 1) + ".json";

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
    void queuedEventsGoInBatchesAndAFailedCallCommitsTheEventsBeforeItWhileItWaits() throws Exception {
        ZendeskStandIn.grantsTokens(zendesk, "token-1");
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            zendesk.stubFor(post("/api/v2/tickets.json")
                    .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo(email(customer))))
                    .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"ticket\": {\"id\": " + ticketOf(customer) + "}}")));
            zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/" + ticketOf(customer) + ".json"))
                    .willReturn(okJson("{\"ticket\": {}}")));
        }
        // the last customer's last message: its first call is refused, for 2 s
        zendesk.stubFor(put(urlEqualTo(FAILING_TICKET)).inScenario("refused once")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.ticket.comment.body", equalTo(text(CUSTOMERS - 1, EACH - 1)
                        + "\n\n— @" + handle(CUSTOMERS - 1) + " on Webchat, private message, 2026-11-22 10:00 UTC")))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2"))
                .willSetStateTo("refused"));

        HubClient hub = new HubClient(port);
        camel.getRouteController().stopRoute("deliver-zendesk");
        for (int n = 0; n < EACH; n++) {
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                assertThat(hub.postMessage(message(customer, n)).statusCode()).isEqualTo(202);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jms.browse("bluebird.tickets.zendesk", (session, browser) -> countOf(browser.getEnumeration()))
                        == CUSTOMERS * EACH);
        camel.getRouteController().startRoute("deliver-zendesk");

        await().atMost(Duration.ofSeconds(20)).until(() -> refusals() == 1);
        int answered = (int) zendesk.getAllServeEvents().stream()
                .filter(call -> call.getRequest().getUrl().startsWith("/api/v2/tickets"))
                .filter(call -> call.getResponse().getStatus() / 100 == 2).count();
        assertThat(answered).as("tickets and comments Zendesk took before the refusal").isPositive();
        // the refused call waits 2 s before it is tried again
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(delivered())
                .as("events recorded as delivered while the refused one waits").isEqualTo(answered));
        assertThat(refusals()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered() == CUSTOMERS * EACH);
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            zendesk.verify(1, postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
                    .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo(email(customer)))));
            List<String> comments = zendesk.findAll(putRequestedFor(urlEqualTo(
                            "/api/v2/tickets/" + ticketOf(customer) + ".json"))).stream()
                    .map(call -> HubClient.json(call.getBodyAsString()).path("ticket").path("comment").path("body")
                            .asText().split("\n")[0])
                    .distinct().toList();
            assertThat(comments).as("comments of customer %d", customer)
                    .containsExactly(text(customer, 1), text(customer, 2), text(customer, 3));
        }
        assertThat(zendesk.findAll(putRequestedFor(urlEqualTo(FAILING_TICKET)))).as("the refused update and its retry")
                .hasSize(EACH);

        DistributionSummary batches = meters.get("bluebird.delivery.batch").summary();
        assertThat(batches.max()).as("events in the largest transaction").isGreaterThan(1);
        assertThat(batches.count()).as("transactions").isLessThan(CUSTOMERS * EACH);
    }

    private int delivered() {
        return database.queryForObject("select count(*) from delivered_event", Integer.class);
    }

    private static long refusals() {
        return zendesk.getAllServeEvents().stream().map(ServeEvent::getResponse)
                .filter(answer -> answer.getStatus() == 503).count();
    }

    private static int countOf(java.util.Enumeration<?> messages) {
        int count = 0;
        for (; messages.hasMoreElements(); messages.nextElement()) {
            count++;
        }
        return count;
    }

    private static int ticketOf(int customer) {
        return 7100 + customer;
    }

    private static String handle(int customer) {
        return "batched" + customer;
    }

    private static String email(int customer) {
        return "webchat-u-d" + customer + "@users.bluebird.invalid";
    }

    private static String text(int customer, int n) {
        return "customer " + customer + " message " + n;
    }

    private static String message(int customer, int n) {
        return HubClient.dm("d-" + customer + "-" + n, "u-d" + customer, handle(customer), text(customer, n))
                .replace("\"x\"", "\"webchat\"");
    }
}
