package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.ZendeskStandIn;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst of new customers against a Zendesk that keeps its rate limit: the hub paces its calls by what the answers
 * say is left and when it comes back, so every ticket is made and Zendesk never has to refuse one with 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "spring.datasource.url=jdbc:h2:mem:zendesk-rate-limit;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class ZendeskRateLimitTest {

    private static final int CUSTOMERS = 16;
    /** 6 ticket calls every 3 s: 120 a minute, in windows short enough for a test. */
    static final RateLimitedZendesk LIMIT = new RateLimitedZendesk(6, Duration.ofSeconds(3));
    @RegisterExtension
    static final StandIn zendesk = new StandIn(options().dynamicPort().extensions(LIMIT));

    @DynamicPropertySource
    static void zendeskUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.zendesk.base-url", zendesk::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBurstOfNewTicketsIsPacedToTheLimitWithoutA429() {
        ZendeskStandIn.grantsTokens(zendesk, "token-1");
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": {{randomInt lower=1 upper=2000000000}} } }")
                .withTransformers("response-template")));

        HubClient hub = new HubClient(port);
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            assertThat(hub.postMessage("""
                    {"channel": "webchat", "visibility": "private", "nativeId": "burst-%d",
                     "account": "brand", "author": {"id": "u-burst-%d", "handle": "burst%d"},
                     "text": "Where is my order?"}""".formatted(customer, customer, customer)).statusCode())
                    .isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> created() == CUSTOMERS);
        assertThat(LIMIT.refused()).as("calls Zendesk refused with 429").isZero();
        assertThat(meters.get("bluebird.helpdesk.calls.held").tag("helpdesk", "zendesk").tag("endpoint", "all").counter().count())
                .as("calls that waited for the limit").isPositive();
        assertThat(meters.get("bluebird.helpdesk.budget").tag("helpdesk", "zendesk").tag("endpoint", "all").gauge()).isNotNull();
    }

    private static long created() {
        return zendesk.getAllServeEvents().stream()
                .filter(call -> call.getRequest().getUrl().equals("/api/v2/tickets.json"))
                .filter(call -> call.getResponse().getStatus() == 201).count();
    }
}
