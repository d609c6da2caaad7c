package io.bluebird.channel.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.MutableClock;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.client.OutboundHttp;
import io.bluebird.model.Author;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile names from a Graph API stand-in: asked once, kept a day, then asked again. */
class MessengerProfilesTest {

    private final WireMockServer graph = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private MessengerProfiles profiles;

    @BeforeEach
    void start() {
        graph.start();
        profiles = new MessengerProfiles(new MessengerSettings(graph.baseUrl(), null, null, "page-token", false, null,
                null, null), new ChannelHttp(OutboundHttp.standalone(), new ObjectMapper()), clock);
    }

    @AfterEach
    void stop() {
        graph.stop();
    }

    @Test
    void aProfileIsKeptForADayThenAskedForAgain() {
        graph.stubFor(get(urlPathEqualTo("/6001")).willReturn(okJson("{\"name\": \"Jane Doe\", \"id\": \"6001\"}")));
        graph.stubFor(get(urlPathEqualTo("/17841400000000001")).willReturn(okJson(
                "{\"name\": \"Jane Doe\", \"username\": \"jane.doe\", \"follower_count\": 120,"
                        + " \"id\": \"17841400000000001\"}")));

        assertThat(profiles.of("messenger", "6001").name()).isEqualTo("Jane Doe");
        clock.advance(Duration.ofHours(23));
        assertThat(profiles.of("messenger", "6001").name()).isEqualTo("Jane Doe");
        Author instagram = profiles.of("instagram", "17841400000000001");
        assertThat(instagram.handle()).isEqualTo("jane.doe");
        assertThat(instagram.followers()).isEqualTo(120L);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/6001")).withQueryParam("fields", equalTo("name,profile_pic"))
                .withHeader("Authorization", equalTo("Bearer page-token")));

        clock.advance(Duration.ofHours(2));
        profiles.of("messenger", "6001");
        graph.verify(2, getRequestedFor(urlPathEqualTo("/6001")));
    }
}
