package io.bluebird.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.breaker.BreakerSettings;
import io.bluebird.broker.BatchTransactions;
import io.bluebird.client.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A helpdesk stand-in that asks to be left alone until a date: the failure carries the wait until then. */
class HttpHelpdeskClientTest {

    private final WireMockServer helpdesk = new WireMockServer(options().dynamicPort());
    private final HttpHelpdeskClient http = new HttpHelpdeskClient(OutboundHttp.standalone(),
            new HelpdeskCircuits(BreakerSettings.defaults()), noLimits(), new ObjectMapper());

    /** Budgets for helpdesks the configuration does not name: no limit until an answer gives one. */
    private static HelpdeskBudgets noLimits() {
        HelpdeskSettings jms = new JmsSettings("bluebird.helpdesk.tickets", 4);
        return new HelpdeskBudgets(new HelpdeskConfig(Map.of("jms", jms), null), new BatchTransactions(null),
                new SimpleMeterRegistry());
    }

    @BeforeEach
    void start() {
        helpdesk.start();
    }

    @AfterEach
    void stop() {
        helpdesk.stop();
    }

    @Test
    void aRetryAfterDateIsTheWaitUntilThen() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
        helpdesk.stubFor(post("/api/v2/tickets").willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", inTwoMinutes).withBody("down for maintenance")));

        HelpdeskUnavailable failure = catchThrowableOfType(HelpdeskUnavailable.class, () ->
                HttpHelpdeskClient.expectSuccess(http.send("freshdesk", "POST",
                        URI.create(helpdesk.baseUrl() + "/api/v2/tickets"), Map.of(), "{}", Duration.ofSeconds(5))));

        assertThat(failure.getRetryAfter()).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }
}
