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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refresh token X refuses: the X outbound stops (no retry storm, the reply waits on its queue), the health says
 * why while the hub stays UP and ready, and a new authorization through the admin endpoint sends what waited.
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
        "spring.datasource.url=jdbc:h2:mem:x-authorization;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class XAuthorizationTest {

    @RegisterExtension
    static final StandIn x = new StandIn(options().dynamicPort());

    static {
        // before the context starts: its pollers ask for the brand's token a second after the start
        standIn();
    }

    /** X refuses the configured refresh token and takes the one of a new consent. */
    private static void standIn() {
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
    }

    @DynamicPropertySource
    static void xUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.x.api-base-url", x::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;

    @Test
    void aRefusedRefreshTokenStopsTheOutboundUntilAuthorizedAgain() throws Exception {
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
        healthSaysWhyAndTheHubStaysUp(hub);
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
        assertThat(health(hub, "/actuator/health/channels", HubClient.TOKEN).body()).contains("\"x\":{\"status\":\"UP\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> x.verify(getRequestedFor(urlPathEqualTo("/2/dm_events"))
                .withHeader("Authorization", equalTo("Bearer a2"))));
        x.verify(2, postRequestedFor(urlEqualTo("/2/oauth2/token")));
    }

    /**
     * The health as the hub ships it (no show-details of the test's own): a probe sees the hub UP and nothing else;
     * the API token shows the components, and the channels group DOWN with the reason, never the token.
     */
    private static void healthSaysWhyAndTheHubStaysUp(HubClient hub) {
        HttpResponse<String> anonymous = health(hub, "/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(HubClient.json(anonymous.body()).path("status").asText()).isEqualTo("UP");
        assertThat(HubClient.json(anonymous.body()).has("components")).as("a probe sees the status alone").isFalse();
        assertThat(HubClient.json(health(hub, "/actuator/health", "wrong-token").body()).has("components"))
                .as("a wrong token is an anonymous caller").isFalse();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = health(hub, probe, null);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(HubClient.json(answer.body()).path("status").asText()).as(probe).isEqualTo("UP");
        }

        HttpResponse<String> overall = health(hub, "/actuator/health", HubClient.TOKEN);
        assertThat(overall.statusCode()).isEqualTo(200);
        JsonNode components = HubClient.json(overall.body()).path("components");
        assertThat(HubClient.json(overall.body()).path("status").asText()).isEqualTo("UP");
        for (String component : List.of("db", "jms", "camelHealth", "camelReadinessState", "readinessState")) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(components.has("x")).as("x answers in the channels group").isFalse();

        HttpResponse<String> channels = health(hub, "/actuator/health/channels", HubClient.TOKEN);
        assertThat(channels.statusCode()).isEqualTo(503);
        JsonNode xHealth = HubClient.json(channels.body()).path("components").path("x");
        assertThat(xHealth.path("status").asText()).isEqualTo("DOWN");
        assertThat(xHealth.path("details").path("reason").asText()).startsWith("X refused the refresh token")
                .contains("POST /api/admin/x/authorize");
        assertThat(channels.body()).doesNotContain("revoked-refresh").doesNotContain("x-client-secret");
        HttpResponse<String> xAnonymous = health(hub, "/actuator/health/channels", null);
        assertThat(xAnonymous.statusCode()).isEqualTo(503);
        assertThat(HubClient.json(xAnonymous.body()).path("status").asText()).isEqualTo("DOWN");
        assertThat(HubClient.json(xAnonymous.body()).has("components")).isFalse();
    }

    private static HttpResponse<String> health(HubClient hub, String path, String token) {
        HttpRequest.Builder request = hub.request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return hub.send(request);
    }
}
