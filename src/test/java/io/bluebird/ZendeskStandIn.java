package io.bluebird;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

/** What the tests' Zendesk stand-in (a WireMock server) answers, as Zendesk's API documents it. */
public final class ZendeskStandIn {

    private ZendeskStandIn() {
    }

    /** OAuth client credentials: this access token for any client. */
    public static void grantsTokens(WireMockServer zendesk, String accessToken) {
        zendesk.stubFor(post("/oauth/tokens").willReturn(okJson(
                "{\"access_token\": \"" + accessToken + "\", \"token_type\": \"bearer\", \"expires_in\": 7200}")));
    }

    /** Every create makes a new ticket. */
    public static void createsTickets(WireMockServer zendesk) {
        zendesk.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": {{randomInt lower=1 upper=2000000000}} } }")
                .withTransformers("response-template")));
    }

    /** The tickets created so far, counted per conversation (the hub's Idempotency-Key). */
    public static Map<String, Long> createsPerConversation(WireMockServer zendesk) {
        return zendesk.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api/v2/tickets.json"))
                .filter(e -> e.getResponse().getStatus() == 201)
                .collect(Collectors.groupingBy(e -> e.getRequest().getHeader("Idempotency-Key"),
                        Collectors.counting()));
    }
}
