package io.bluebird.channel.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.OutboundHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An X API stand-in that is unavailable until a date: the failure carries the wait until then. */
class XApiTest {

    private final WireMockServer x = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        x.start();
    }

    @AfterEach
    void stop() {
        x.stop();
    }

    @Test
    void aRetryAfterDateIsTheWaitUntilThenMeasuredOnXsOwnClock() {
        x.stubFor(get(urlPathEqualTo("/2/users/" + XChannelTest.BRAND + "/mentions")).willReturn(aResponse()
                .withStatus(503).withHeader("Date", "Tue, 01 Dec 2026 10:00:00 GMT")
                .withHeader("Retry-After", "Tue, 01 Dec 2026 10:00:45 GMT")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"title\": \"Service Unavailable\", \"status\": 503}")));
        XSettings settings = new XSettings(x.baseUrl(), null, "app-bearer", XChannelTest.BRAND, null, null, null, null,
                null, null);
        XApi api = new XApi(settings, null, new ChannelHttp(OutboundHttp.standalone(), new ObjectMapper()),
                Clock.systemUTC());

        ChannelUnavailable failure = catchThrowableOfType(ChannelUnavailable.class, () ->
                api.call("GET", "/2/users/" + XChannelTest.BRAND + "/mentions", null, XApi.As.APP));

        assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(45));
    }
}
