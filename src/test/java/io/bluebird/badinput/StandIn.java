package io.bluebird.badinput;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock server standing in for Zendesk and the X API as they answer: OAuth tokens, a ticket of its own for
 * every create, updates, and X's DM sends (each with an event id of its own, so the hub's echo check has one).
 */
final class StandIn {

    private StandIn() {
    }

    static WireMockServer zendeskAndX() {
        WireMockServer standIn = new WireMockServer(options().dynamicPort());
        standIn.start();
        standIn.stubFor(post("/oauth/tokens").willReturn(okJson(
                "{\"access_token\": \"zendesk-token\", \"token_type\": \"bearer\", \"expires_in\": 172800}")));
        standIn.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"ticket\": {\"id\": 1{{randomValue length=9 type='NUMERIC'}} } }")));
        standIn.stubFor(put(urlPathMatching("/api/v2/tickets/.*")).willReturn(okJson("{\"ticket\": {\"id\": 1}}")));
        standIn.stubFor(post("/2/oauth2/token").willReturn(okJson("""
                {"token_type": "bearer", "expires_in": 7200, "access_token": "x-access", "refresh_token": "x-next"}""")));
        standIn.stubFor(post(urlPathMatching("/2/dm_conversations/with/.*/messages")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"data\": {\"dm_event_id\": \"{{randomValue length=12 type='NUMERIC'}}\"}}")));
        return standIn;
    }
}
