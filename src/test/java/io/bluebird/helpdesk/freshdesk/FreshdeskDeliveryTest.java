package io.bluebird.helpdesk.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import jakarta.jms.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Freshdesk adapter against a stand-in speaking Freshdesk's API v2: the exact create and note bodies, the
 * lookup that finds a ticket made before a crash, a 429 with Retry-After, a 400 to the dead-letter queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.routing.default-helpdesk=freshdesk",
        "bluebird.helpdesks.freshdesk.type=freshdesk",
        "bluebird.helpdesks.freshdesk.api-key=fd-api-key",
        "bluebird.helpdesks.freshdesk.conversation-field=cf_bluebird_conversation",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "spring.datasource.url=jdbc:h2:mem:freshdesk-delivery;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class FreshdeskDeliveryTest {

    @RegisterExtension
    static final StandIn freshdesk = new StandIn(options().dynamicPort());
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            "fd-api-key:X".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void freshdeskUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.freshdesk.base-url", freshdesk::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    JmsTemplate jms;

    HubClient hub;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        freshdesk.resetAll();
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/search/tickets")).willReturn(okJson(
                "{\"results\": [], \"total\": 0}")));
        freshdesk.stubFor(post("/api/v2/tickets").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": 101, \"status\": 2, \"priority\": 3, \"source\": 7}")));
        freshdesk.stubFor(post("/api/v2/tickets/101/notes").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 5001, \"private\": false}")));
    }

    @Test
    void aConversationIsOneTicketWithItsLaterMessagesAsNotes() {
        hub.postMessage(HubClient.dm("f1", "u-f1", "fresh1", "My order <1234> never arrived"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "101".equals(hub.conversationOf("fresh1").path("helpdeskTicketId").asText(null)));
        String conversation = hub.conversationOf("fresh1").path("id").asText();
        String tag = "bb" + conversation.replace("-", "").substring(0, 30);

        freshdesk.verify(getRequestedFor(urlPathEqualTo("/api/v2/search/tickets"))
                .withQueryParam("query", equalTo("\"tag:'" + tag + "'\"")).withHeader("Authorization", equalTo(BASIC)));
        freshdesk.verify(1, postRequestedFor(urlEqualTo("/api/v2/tickets")).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"name": "Jane Doe", "email": "x-u-f1@users.bluebird.invalid",
                         "subject": "X private message from @fresh1: My order <1234> never arrived",
                         "description": "My order &lt;1234&gt; never arrived<br><br>— @fresh1 on X, private message, 2026-11-22 10:00 UTC",
                         "priority": 3, "status": 2, "source": 7,
                         "tags": ["x", "private", "priority-long-wait", "%s"],
                         "custom_fields": {"cf_bluebird_conversation": "%s"}}""".formatted(tag, conversation))));

        hub.postMessage(HubClient.dm("f2", "u-f1", "fresh1", "Still nothing"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> freshdesk.verify(1,
                postRequestedFor(urlEqualTo("/api/v2/tickets/101/notes")).withRequestBody(equalToJson("""
                        {"body": "Still nothing<br><br>— @fresh1 on X, private message, 2026-11-22 10:00 UTC",
                         "private": false, "incoming": true}"""))));
    }

    @Test
    void aTicketMadeBeforeACrashIsFoundAndNotMadeAgain() {
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/search/tickets")).willReturn(okJson("""
                {"results": [{"id": 202, "subject": "X private message from @fresh2: Hello", "status": 2,
                              "tags": ["x", "private"]}], "total": 1}""")));

        hub.postMessage(HubClient.dm("f3", "u-f3", "fresh2", "Hello"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "202".equals(hub.conversationOf("fresh2").path("helpdeskTicketId").asText(null)));
        freshdesk.verify(0, postRequestedFor(urlEqualTo("/api/v2/tickets")));
    }

    @Test
    void aRateLimitIsWaitedOutAndARefusalIsDeadLettered() throws Exception {
        freshdesk.stubFor(post("/api/v2/tickets").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"You have exceeded the limit of requests per minute\"}"))
                .willSetStateTo("ok"));
        freshdesk.stubFor(post("/api/v2/tickets").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 303}")));
        hub.postMessage(HubClient.dm("f4", "u-f4", "fresh3", "Hi"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "303".equals(hub.conversationOf("fresh3").path("helpdeskTicketId").asText(null)));

        freshdesk.stubFor(post("/api/v2/tickets").withRequestBody(matchingJsonPath("$.email",
                equalTo("x-u-f5@users.bluebird.invalid"))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"description": "Validation failed", "errors": [{"field": "cf_bluebird_conversation",
                         "message": "There is no ticket_field that matches cf_bluebird_conversation", "code": "invalid_field"}]}""")));
        hub.postMessage(HubClient.dm("f5", "u-f5", "fresh4", "Hi"));
        jms.setReceiveTimeout(20_000);
        Message dead = jms.receive("bluebird.dead-letters");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("deadLetterReason")).contains("answered 400")
                .contains("There is no ticket_field that matches cf_bluebird_conversation");
        assertThat(dead.getStringProperty("deadLetterFrom")).isEqualTo("bluebird.tickets.freshdesk");
    }
}
