package io.bluebird.channel.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profiles and conversation members from a PDS stand-in: asked once, kept an hour, then asked again. */
class BlueskyProfilesTest {

    static final String BRAND = "did:plc:brand0000000000000000";
    static final String CUSTOMER = "did:plc:customer00000000000000";

    private final WireMockServer pds = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private BlueskyProfiles profiles;

    @BeforeEach
    void start() {
        pds.start();
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(okJson("""
                {"did": "%s", "handle": "brand.bsky.social", "accessJwt": "access-1", "refreshJwt": "refresh-1",
                 "active": true}""".formatted(BRAND))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(CUSTOMER))
                .willReturn(okJson("""
                        {"did": "%s", "handle": "jane.bsky.social", "displayName": "Jane Doe", "followersCount": 321}"""
                        .formatted(CUSTOMER))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvo")).withQueryParam("convoId", equalTo("convo-1"))
                .willReturn(okJson("""
                        {"convo": {"id": "convo-1", "rev": "r2", "members": [{"did": "%s", "handle": "brand.bsky.social"},
                                   {"did": "%s", "handle": "jane.bsky.social"}], "muted": false, "unreadCount": 0}}"""
                        .formatted(BRAND, CUSTOMER))));
        BlueskySettings settings = new BlueskySettings(pds.baseUrl(), "brand.bsky.social", "abcd-efgh-ijkl-mnop",
                null, null, null, null);
        ChannelHttp http = new ChannelHttp(OutboundHttp.standalone(), new ObjectMapper());
        profiles = new BlueskyProfiles(new BlueskyApi(settings, http, clock), clock);
    }

    @AfterEach
    void stop() {
        pds.stop();
    }

    @Test
    void aProfileAndAConversationsCustomerAreKeptForAnHourThenAskedForAgain() {
        assertThat(profiles.author(CUSTOMER).handle()).isEqualTo("jane.bsky.social");
        assertThat(profiles.customerOf("convo-1", BRAND)).isEqualTo(CUSTOMER);
        clock.advance(Duration.ofMinutes(59));
        assertThat(profiles.author(CUSTOMER).followers()).isEqualTo(321L);
        assertThat(profiles.customerOf("convo-1", BRAND)).isEqualTo(CUSTOMER);
        pds.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")));
        pds.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvo"))
                .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat")));

        clock.advance(Duration.ofMinutes(2));
        profiles.author(CUSTOMER);
        profiles.customerOf("convo-1", BRAND);
        pds.verify(2, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")));
        pds.verify(2, getRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvo")));
    }
}
