package io.bluebird.channel.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.HubClient;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refresh token X refuses: the X outbound stops (no retry storm, the reply waits on its queue), the health says
 * why, and a new authorization through the admin endpoint sends what waited.
 */
// its pollers would go on calling the stand-in after it stops: the context ends with the class
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + XChannelTest.BRAND,
        "bluebird.x.consumer-secret=x-consumer-secret",
        "bluebird.x.client-id=bluebird-x",
        "bluebird.x.client-secret=x-client-secret",
        "bluebird.x.refresh-token=revoked-refresh",
        "bluebird.x.bearer-token=app-bearer",
        "bluebird.x.poll.enabled=true",
        "bluebird.x.poll.interval=200",
        "management.endpoint.health.show-details=always",
        "spring.datasource.url=jdbc:h2:mem:x-authorization;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class XAuthorizationTest {

    static final WireMockServer x = new WireMockServer(options().dynamicPort());

    static {
        x.start();
    }

    @DynamicPropertySource
    static void xUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.x.api-base-url", x::baseUrl);
    }

    @AfterAll
    static void stopX() {
        x.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;

    @Test
    void aRefusedRefreshTokenStopsTheOutboundUntilAuthorizedAgain() throws Exception {
        x.stubFor(post("/2/oauth2/token").withRequestBody(equalTo(
                "grant_type=refresh_token&refresh_token=revoked-refresh&client_id=bluebird-x"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\": \"invalid_request\", \"error_description\": \"Value passed for the token was invalid.\"}")));
        x.stubFor(post("/2/oauth2/token").withRequestBody(equalTo(
                "grant_type=refresh_token&refresh_token=fresh-consent&client_id=bluebird-x"))
                .willReturn(okJson("{\"token_type\": \"bearer\", \"expires_in\": 7200, \"access_token\": \"a2\","
                        + " \"refresh_token\": \"rotated\"}")));
        x.stubFor(post("/2/dm_conversations/with/3805104374/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"data\": {\"dm_event_id\": \"8001\"}}")));
        x.stubFor(get(urlPathEqualTo("/2/users/" + XChannelTest.BRAND + "/mentions"))
                .willReturn(okJson("{\"meta\": {\"result_count\": 0}}")));
        x.stubFor(get(urlPathEqualTo("/2/dm_events")).willReturn(okJson("{\"meta\": {\"result_count\": 0}}")));
        HubClient hub = new HubClient(port);
        hub.postMessage(HubClient.dm("7001", "3805104374", "jdoe", "Hello"));
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        String conversation = HubClient.json(jms.receive("bluebird.helpdesk.tickets").getBody(String.class))
                .path("conversationId").asText();

        assertThat(hub.send(hub.request("/api/helpdesk-events").header("Authorization", "Bearer " + HubClient.TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "agent.reply", "conversationId": "%s", "text": "On it."}""".formatted(conversation))))
                .statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                camel.getRouteController().getRouteStatus("x-outbound") == ServiceStatus.Suspended);
        String health = hub.send(hub.request("/actuator/health").GET()).body();
        assertThat(health).contains("\"x\":{\"status\":\"DOWN\"").contains("X refused the refresh token");
        assertThat(health).doesNotContain("revoked-refresh");
        x.verify(1, postRequestedFor(urlEqualTo("/2/oauth2/token")));
        x.verify(0, postRequestedFor(urlEqualTo("/2/dm_conversations/with/3805104374/messages")));
        x.verify(0, getRequestedFor(urlPathEqualTo("/2/dm_events")));

        assertThat(hub.send(hub.request("/api/admin/x/authorize").header("Authorization", "Bearer " + HubClient.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\": \"fresh-consent\"}"))).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> x.verify(1,
                postRequestedFor(urlEqualTo("/2/dm_conversations/with/3805104374/messages"))
                        .withHeader("Authorization", equalTo("Bearer a2"))));
        assertThat(hub.send(hub.request("/actuator/health").GET()).body()).contains("\"x\":{\"status\":\"UP\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> x.verify(getRequestedFor(urlPathEqualTo("/2/dm_events"))
                .withHeader("Authorization", equalTo("Bearer a2"))));
        x.verify(2, postRequestedFor(urlEqualTo("/2/oauth2/token")));
    }
}
