package io.bluebird.badinput;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bluebird.HubClient;
import io.bluebird.channel.x.XChannelTest;
import io.bluebird.http.Hmac;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a customer writes is data: text that an expression language (Camel's simple, Spring's property placeholders
 * and SpEL) or SQL would evaluate reaches Zendesk as it was written, in the ticket's comment, subject and requester,
 * by the API and by an X DM; and an agent's answer made of the same reaches X as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + XChannelTest.BRAND,
        "bluebird.x.consumer-secret=x-consumer-secret",
        "bluebird.x.client-id=bluebird-x",
        "bluebird.x.client-secret=x-client-secret",
        "bluebird.x.refresh-token=seed-refresh",
        "bluebird.routing.default-helpdesk=zendesk",
        "bluebird.helpdesks.zendesk.client-id=bluebird-test",
        "bluebird.helpdesks.zendesk.client-secret=zendesk-client-secret",
        "spring.datasource.url=jdbc:h2:mem:customer-text;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class CustomerTextIsDataTest {

    static final WireMockServer standIn = StandIn.zendeskAndX();

    @DynamicPropertySource
    static void standInUrls(DynamicPropertyRegistry registry) {
        registry.add("bluebird.helpdesks.zendesk.base-url", standIn::baseUrl);
        registry.add("bluebird.x.api-base-url", standIn::baseUrl);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void byTheApiTheTextAndTheNameReachTheTicketAsWritten() {
        HubClient hub = new HubClient(port);
        for (int i = 0; i < Corpus.EVALUABLE.size(); i++) {
            String text = Corpus.EVALUABLE.get(i);
            String message = HubClient.dm("data-api-" + i, "data-api-" + i, "dataapi" + i, text)
                    .replace("\"Jane Doe\"", "\"" + text + "\"").replace("\"x\"", "\"mastodon\"");
            assertThat(hub.postMessage(message).statusCode()).isEqualTo(202);

            JsonNode ticket = createdTicket(text, "dataapi" + i);
            assertThat(ticket.path("subject").asText()).endsWith(": " + text);
            assertThat(ticket.path("requester").path("name").asText()).isEqualTo(text);
            assertNothingEvaluated(ticket);
        }
    }

    @Test
    void byAnXDmTheTextReachesTheTicketAndTheAgentsAnswerReachesXAsWritten() {
        HubClient hub = new HubClient(port);
        for (int i = 0; i < Corpus.EVALUABLE.size(); i++) {
            String text = Corpus.EVALUABLE.get(i);
            String customer = "39900" + i;
            byte[] delivery = XChannelTest.envelope("dm.received", XChannelTest.dms(XChannelTest.dm("data-x-" + i,
                    customer, XChannelTest.BRAND, text)), "\"%s\": {\"data\": {\"id\": \"%s\", \"username\": \"datax%d\", \"name\": \"X\"}}"
                    .formatted(customer, customer, i)).getBytes(StandardCharsets.UTF_8);
            assertThat(hub.send(hub.request("/webhooks/x").header("Content-Type", "application/json")
                    .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64("x-consumer-secret", delivery))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery))).statusCode()).isEqualTo(200);

            assertNothingEvaluated(createdTicket(text, "datax" + i));
            String conversation = hub.conversationOf("datax" + i).path("id").asText();
            assertThat(hub.postHelpdeskEvent("""
                    {"type": "agent.reply", "conversationId": "%s", "text": "%s"}""".formatted(conversation, text))
                    .statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(standIn.findAll(postRequestedFor(
                    urlEqualTo("/2/dm_conversations/with/" + customer + "/messages"))))
                    .extracting(request -> HubClient.json(request.getBodyAsString()).path("text").asText())
                    .containsExactly(text));
        }
    }

    /** The ticket Zendesk was asked to create whose comment is {@code text} by {@code handle}, as it received it. */
    private static JsonNode createdTicket(String text, String handle) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> created().stream()
                .filter(ticket -> ticket.path("comment").path("body").asText().startsWith(text + "\n\n— @" + handle + " "))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static List<JsonNode> created() {
        return standIn.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))).stream()
                .map(LoggedRequest::getBodyAsString).map(HubClient::json).map(body -> body.path("ticket")).toList();
    }

    private static void assertNothingEvaluated(JsonNode ticket) {
        assertThat(ticket.toString()).doesNotContain(System.getProperty("user.home"), HubClient.TOKEN,
                "Bearer zendesk-token", "java.lang.Runtime@");
    }
}
