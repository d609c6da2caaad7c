package io.bluebird.helpdesk.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.TicketEventSchema;
import io.bluebird.http.Hmac;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook adapter against a receiver stand-in: the TicketEvent as the body, signed as the README tells receivers
 * to check it, and one delivery id across the retries of one event. Two broker delivery attempts, so that a message
 * redelivered in a loop would show as a dead letter within seconds.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.broker.max-delivery-attempts=2",
        "bluebird.routing.default-helpdesk=hooks",
        "bluebird.helpdesks.hooks.type=webhook",
        "bluebird.helpdesks.hooks.secret=receiver-secret",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "bluebird.delivery.circuit-breaker.wait-in-open-state=1s",
        "spring.datasource.url=jdbc:h2:mem:webhook-delivery;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class WebhookDeliveryTest {

    @RegisterExtension
    static final StandIn receiver = new StandIn(options().dynamicPort());

    @DynamicPropertySource
    static void receiverUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.hooks.base-url", () -> receiver.baseUrl() + "/bluebird/events");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void noRequestsYet() {
        receiver.resetAll();
    }

    @Test
    void eachEventIsPostedSignedAndRetriedUnderOneDeliveryId() {
        receiver.stubFor(post("/bluebird/events").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post("/bluebird/events").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        HubClient hub = new HubClient(port);

        hub.postMessage(HubClient.dm("w1", "u-w1", "hooked", "My order never arrived"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                receiver.findAll(postRequestedFor(urlEqualTo("/bluebird/events"))).size() == 2);
        List<LoggedRequest> attempts = receiver.findAll(postRequestedFor(urlEqualTo("/bluebird/events")));
        LoggedRequest first = attempts.get(0);
        LoggedRequest retry = attempts.get(1);
        assertThat(retry.getHeader("X-Bluebird-Delivery")).isEqualTo(first.getHeader("X-Bluebird-Delivery"));
        JsonNode event = HubClient.json(retry.getBodyAsString());
        TicketEventSchema.assertValid(event);
        assertThat(retry.getHeader("X-Bluebird-Delivery")).isEqualTo(event.path("eventId").asText());
        assertThat(retry.getHeader("X-Bluebird-Event")).isEqualTo("ticket.created");
        assertThat(retry.getHeader("Content-Type")).startsWith("application/json");

        String timestamp = retry.getHeader("X-Bluebird-Timestamp");
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(60);
        String expected = "sha256=" + Hmac.sha256Hex("receiver-secret",
                (timestamp + "." + retry.getBodyAsString()).getBytes(StandardCharsets.UTF_8));
        assertThat(retry.getHeader("X-Bluebird-Signature")).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "hooks".equals(hub.conversationOf("hooked").path("helpdesk").asText()));
    }

    /**
     * A message enqueued twice (one hub acknowledged X's webhook late, X sent it again to another hub) while its
     * ticket event waits for the receiver, which is down: the repeat is dropped at once, without a rolled-back
     * transaction, so it cannot spend its delivery attempts and end as a false dead letter.
     */
    @Test
    void aRepeatWhoseEventAwaitsDeliveryIsDroppedWithoutARollback(CapturedOutput log) throws Exception {
        receiver.stubFor(post("/bluebird/events").willReturn(aResponse().withStatus(503)));
        HubClient hub = new HubClient(port);
        String dm = HubClient.dm("rep-1", "u-rep", "repeated", "My order never arrived");

        assertThat(hub.postMessage(dm).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !receiver.findAll(postRequestedFor(urlEqualTo("/bluebird/events"))).isEmpty());
        assertThat(hub.postMessage(dm).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                log.getOut().contains("Message x:dm:rep-1 was stored before"));
        // a rolled-back repeat would be redelivered after 1 s, then dead-lettered
        Thread.sleep(3_000);

        receiver.resetAll();
        receiver.stubFor(post("/bluebird/events").willReturn(aResponse().withStatus(204)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                receiver.findAll(postRequestedFor(urlEqualTo("/bluebird/events"))).size() == 1);
        Thread.sleep(1_000);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/bluebird/events")))).hasSize(1);
        assertThat(hub.getJson("/api/dead-letters").path("deadLetters")).isEmpty();
        assertThat(log.getOut()).doesNotContain("Execution of JMS message listener failed");
    }
}
