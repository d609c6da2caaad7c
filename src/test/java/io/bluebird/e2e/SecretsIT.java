package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.HubClient;
import io.bluebird.channel.messenger.MessengerChannelTest;
import io.bluebird.channel.x.XChannelTest;
import io.bluebird.http.Hmac;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No secret in the log, even with every logger at DEBUG, nor in an answer: the packaged hub with every secret it
 * can have (each a unique string) and the tokens it obtains at run time, driven through X and Messenger in and out,
 * Zendesk, the CRM, refused calls, a dead letter and the actuator; then the whole log and every answer are
 * searched for each secret, as written and in the Basic form the hub sends some of them in.
 */
class SecretsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CUSTOMER = "3805104374";
    private static final String PSID = "6001";

    private final WireMockServer apis = new WireMockServer(options().dynamicPort());
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> answers = new ArrayList<>();

    private String secret(String name) {
        return secrets.computeIfAbsent(name, n -> n + "-" + RUN);
    }

    @BeforeEach
    void standIns() {
        apis.start();
        // Zendesk: OAuth client credentials, creates (one refused: the dead letter), updates
        apis.stubFor(post("/oauth/tokens").willReturn(okJson("""
                {"access_token": "%s", "token_type": "bearer", "expires_in": 7200}"""
                .formatted(secret("zendesk-access-token")))));
        apis.stubFor(post("/api/v2/tickets.json").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticket\": {\"id\": {{randomInt lower=1 upper=2000000000}} } }")
                .withTransformers("response-template")));
        apis.stubFor(post("/api/v2/tickets.json").withRequestBody(containing("Refuse me"))
                .atPriority(1).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"RecordInvalid\", \"description\": \"Record validation errors\"}")));
        apis.stubFor(put(urlPathMatching("/api/v2/tickets/\\d+\\.json")).willReturn(okJson("{\"ticket\": {}}")));
        // X: the brand's token from its refresh token (rotated, as X does), the DM sent
        apis.stubFor(post("/2/oauth2/token").willReturn(okJson("""
                {"token_type": "bearer", "expires_in": 7200, "access_token": "%s", "refresh_token": "%s"}"""
                .formatted(secret("x-access-token"), secret("x-rotated-refresh-token")))));
        apis.stubFor(post("/2/dm_conversations/with/" + CUSTOMER + "/messages").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\": {\"dm_conversation_id\": \"c\", \"dm_event_id\": \"9001\"}}")));
        apis.stubFor(get(urlPathMatching("/2/.*")).willReturn(okJson("{\"meta\": {\"result_count\": 0}}")));
        // Graph: the customer's profile and the page's sends
        apis.stubFor(get(urlPathEqualTo("/" + PSID)).willReturn(okJson("{\"name\": \"Jane Doe\", \"id\": \"6001\"}")));
        apis.stubFor(post("/me/messages").willReturn(okJson("{\"recipient_id\": \"6001\", \"message_id\": \"m_out\"}")));
        // the CRM: nobody known
        apis.stubFor(get(urlMatching("/customers.*")).willReturn(aResponse().withStatus(404)));
    }

    @AfterEach
    void stop() {
        apis.stop();
    }

    private Map<String, String> hubWithEverySecret() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BLUEBIRD_API_TOKEN", HubClient.TOKEN);
        env.put("LOGGING_LEVEL_ROOT", "DEBUG");
        env.put("X_ACCOUNT_ID", XChannelTest.BRAND);
        env.put("X_CONSUMER_SECRET", secret("x-consumer-secret"));
        env.put("X_BEARER_TOKEN", secret("x-bearer-token"));
        env.put("X_CLIENT_ID", "bluebird-x");
        env.put("X_CLIENT_SECRET", secret("x-client-secret"));
        env.put("X_REFRESH_TOKEN", secret("x-refresh-token"));
        env.put("BLUEBIRD_X_API_BASE_URL", apis.baseUrl());
        env.put("MESSENGER_APP_SECRET", secret("messenger-app-secret"));
        env.put("MESSENGER_VERIFY_TOKEN", secret("messenger-verify-token"));
        env.put("MESSENGER_PAGE_ACCESS_TOKEN", secret("messenger-page-token"));
        env.put("BLUEBIRD_MESSENGER_GRAPH_BASE_URL", apis.baseUrl());
        env.put("BLUESKY_APP_PASSWORD", secret("bluesky-app-password"));
        env.put("ZENDESK_BASE_URL", apis.baseUrl());
        env.put("ZENDESK_CLIENT_ID", "bluebird-zendesk");
        env.put("ZENDESK_CLIENT_SECRET", secret("zendesk-client-secret"));
        env.put("ZENDESK_WEBHOOK_SECRET", secret("zendesk-webhook-secret"));
        env.put("BLUEBIRD_ROUTING_DEFAULT_HELPDESK", "zendesk");
        env.put("CRM_BASE_URL", apis.baseUrl());
        env.put("CRM_BEARER_TOKEN", secret("crm-bearer-token"));
        env.put("SPRING_APPLICATION_JSON", """
                {"bluebird": {"delivery": {"redelivery-delay": 200, "max-redelivery-delay": 1000}}}""");
        return env;
    }

    @Test
    void noSecretInTheLogAtDebugNorInAnyAnswer() throws Exception {
        try (RunningHub hub = new RunningHub("secrets", hubWithEverySecret()).start()) {
            HubClient client = new HubClient(hub.port());

            // in: an X DM and a Messenger message, signed; refused: a wrong signature, a wrong token, a wrong verify token
            String dm = XChannelTest.envelope("dm.received",
                    XChannelTest.dms(XChannelTest.dm("7001", CUSTOMER, XChannelTest.BRAND, "Where is my order?")));
            assertThat(record(xDelivery(client, dm, secret("x-consumer-secret"))).statusCode()).isEqualTo(200);
            assertThat(record(xDelivery(client, dm, "not-the-secret")).statusCode()).isEqualTo(401);
            String page = MessengerChannelTest.page(MessengerChannelTest.messaging(PSID, MessengerChannelTest.PAGE,
                    System.currentTimeMillis(), "\"message\": {\"mid\": \"m_secrets\", \"text\": \"Hello\"}"));
            assertThat(record(client.send(client.request("/webhooks/messenger")
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(secret("messenger-app-secret"),
                            page.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(page)))).statusCode()).isEqualTo(200);
            record(client.send(client.request("/webhooks/messenger?hub.mode=subscribe&hub.verify_token="
                    + secret("messenger-verify-token") + "&hub.challenge=42").GET()));
            record(client.send(client.request("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess"
                    + "&hub.challenge=42").GET()));
            assertThat(record(client.send(client.request("/api/messages").header("Authorization", "Bearer guess")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))))
                    .statusCode()).isEqualTo(401);
            // a create Zendesk refuses: a dead letter, which the API shows
            record(client.postMessage(HubClient.dm("refused-1", "u-refused", "refused", "Refuse me")));

            await().atMost(Duration.ofSeconds(30)).until(() -> ticketOf("Where is my order?") != null
                    && ticketOf("Hello") != null && client.getJson("/api/dead-letters").path("deadLetters").size() > 0);

            // out: the agents' answers go back on X (the brand's token, refreshed) and Messenger (the page token)
            for (String conversation : List.of(ticketOf("Where is my order?"), ticketOf("Hello"))) {
                assertThat(record(client.postHelpdeskEvent("""
                        {"type": "agent.reply", "conversationId": "%s", "text": "On it."}""".formatted(conversation)))
                        .statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                apis.verify(postRequestedFor(urlEqualTo("/2/dm_conversations/with/" + CUSTOMER + "/messages")));
                apis.verify(postRequestedFor(urlEqualTo("/me/messages")));
            });

            for (String path : List.of("/api/dead-letters", "/api/conversations", "/actuator/health",
                    "/actuator/health/liveness", "/actuator/info", "/actuator/prometheus", "/actuator/env",
                    "/actuator/configprops")) {
                record(client.send(client.request(path).GET()));
                record(client.send(client.request(path).header("Authorization", "Bearer " + HubClient.TOKEN).GET()));
            }
            hub.close();

            String log = Files.readString(hub.log());
            assertThat(log).as("the hub logged at DEBUG").contains(" DEBUG ");
            List<String> leaks = new ArrayList<>();
            for (Map.Entry<String, String> secret : everyFormOfEverySecret().entrySet()) {
                log.lines().filter(line -> line.contains(secret.getValue()))
                        .forEach(line -> leaks.add(secret.getKey() + " in the log: " + line));
                answers.stream().filter(answer -> answer.contains(secret.getValue()))
                        .forEach(answer -> leaks.add(secret.getKey() + " in an answer: " + answer));
            }
            assertThat(leaks).isEmpty();
        }
    }

    /** The conversation of the ticket Zendesk created for a message, from the create's Idempotency-Key. */
    private String ticketOf(String text) {
        return apis.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api/v2/tickets.json"))
                .filter(e -> e.getResponse().getStatus() == 201 && e.getRequest().getBodyAsString().contains(text))
                .map(e -> e.getRequest().getHeader("Idempotency-Key").replace("bluebird-conversation-", ""))
                .findFirst().orElse(null);
    }

    private HttpResponse<String> record(HttpResponse<String> answer) {
        answers.add(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
        return answer;
    }

    private static HttpResponse<String> xDelivery(HubClient client, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.send(client.request("/webhooks/x").header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Each secret as written, and the client credentials as the Basic header value the hub sends them in. */
    private Map<String, String> everyFormOfEverySecret() {
        Map<String, String> forms = new LinkedHashMap<>(secrets);
        forms.put("the API token", HubClient.TOKEN);
        forms.put("X client credentials, Basic", basic("bluebird-x", secrets.get("x-client-secret")));
        forms.put("Zendesk client credentials, Basic", basic("bluebird-zendesk", secrets.get("zendesk-client-secret")));
        return forms;
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
