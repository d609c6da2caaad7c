package io.bluebird.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.TicketEventSchema;
import jakarta.jms.ConnectionFactory;
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
 * The process stage through the running hub: CRM enrichment against a CRM stand-in (found, unknown, down, slow),
 * the default priority rules, the first reply, and one customer across channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.crm.timeout=500",
        "bluebird.first-replies.mastodon.enabled=true",
        "bluebird.first-replies.mastodon.public-reply=Hi @{handle}, write to us in private: {dmLink}",
        "bluebird.first-replies.mastodon.dm-link=https://mastodon.example/@brand",
        "bluebird.first-replies.mastodon.welcome=Hi {name}, what is it about?",
        "bluebird.first-replies.mastodon.choices[0].title=Order problem",
        "bluebird.first-replies.mastodon.choices[0].value=order",
        "bluebird.first-replies.mastodon.choices[1].title=Billing",
        "bluebird.first-replies.mastodon.choices[1].value=billing",
        "spring.datasource.url=jdbc:h2:mem:process-stage;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class ProcessStageTest {

    @RegisterExtension
    static final StandIn crm = new StandIn(options().dynamicPort());

    /** The base URL alone, with no bluebird.crm.type: the http CRM. */
    @DynamicPropertySource
    static void crmUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.crm.base-url", crm::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;

    HubClient hub;
    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        crm.resetAll();
    }

    private static String message(String visibility, String nativeId, String authorId, String handle, String text,
                                  String quickReply) {
        return """
                {"channel": "mastodon", "visibility": "%s", "nativeId": "%s", "account": "brand@mastodon.example",
                 "author": {"id": "%s", "handle": "%s", "name": "Jane Doe", "followers": 40},
                 "text": "%s", "quickReplyPayload": %s}""".formatted(visibility, nativeId, authorId, handle, text,
                quickReply == null ? "null" : "\"" + quickReply + "\"");
    }

    /** The ticket event of this message; events of other tests' messages on the shared queue are skipped. */
    private JsonNode ticketEventOf(String nativeId) throws Exception {
        return next("bluebird.helpdesk.tickets", event -> event.path("message").path("nativeId").asText()
                .equals(nativeId));
    }

    private JsonNode outboundTo(String recipientId) throws Exception {
        return next("bluebird.outbound.mastodon", out -> out.path("recipientId").asText().equals(recipientId));
    }

    private JsonNode next(String queue, java.util.function.Predicate<JsonNode> mine) throws Exception {
        while (true) {
            Message received = jms.receive(queue);
            if (received == null) {
                return null;
            }
            JsonNode json = HubClient.json(received.getBody(String.class));
            if (queue.equals("bluebird.helpdesk.tickets")) {
                TicketEventSchema.assertValid(json);
            }
            if (mine.test(json)) {
                return json;
            }
        }
    }

    private static String crmCustomer(String id, boolean vip, String tier) {
        return """
                {"id": "%s", "name": "Jane Doe", "email": "Jane@Example.com", "phone": "+33 6 12 34 56 78",
                 "vip": %s, "tier": "%s", "recentOrders": [{"id": "O-1", "total": 120}], "openIssues": []}"""
                .formatted(id, vip, tier);
    }

    @Test
    void aVipInTheCrmMakesAnUrgentTicketWithTheirRecordAndTheCrmIsAskedOnce() throws Exception {
        crm.stubFor(get(urlPathEqualTo("/customers")).withQueryParam("handle", equalTo("vipjane"))
                .willReturn(okJson(crmCustomer("C-100", true, "gold"))));

        hub.postMessage(message("private", "v1", "u-v1", "vipjane", "Hello", null));
        JsonNode event = ticketEventOf("v1");

        assertThat(event.path("priority").asText()).isEqualTo("urgent");
        assertThat(event.path("tags").toString()).contains("\"vip\"", "\"tier-gold\"", "\"priority-vip\"");
        JsonNode record = event.path("customer").path("crm");
        assertThat(record.path("customerId").asText()).isEqualTo("C-100");
        assertThat(record.path("email").asText()).isEqualTo("Jane@Example.com");
        assertThat(record.path("vip").asBoolean()).isTrue();
        assertThat(record.path("recentOrders").path(0).path("id").asText()).isEqualTo("O-1");
        crm.verify(1, getRequestedFor(urlPathEqualTo("/customers"))
                .withQueryParam("channel", equalTo("mastodon")).withQueryParam("id", equalTo("u-v1")));
        assertThat(hub.conversationOf("vipjane").path("crm").path("tier").asText())
                .as("the conversation shows the CRM snapshot").isEqualTo("gold");

        hub.postMessage(message("private", "v2", "u-v1", "vipjane", "Are you there?", null));
        JsonNode update = ticketEventOf("v2");
        assertThat(update.path("customer").path("crm").path("customerId").asText()).isEqualTo("C-100");
        assertThat(update.path("priority").asText()).isEqualTo("urgent");
        crm.verify(1, getRequestedFor(urlPathEqualTo("/customers")));
    }

    @Test
    void aCustomerTheCrmDoesNotKnowGetsNoRecordAndNoTag() throws Exception {
        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(aResponse().withStatus(404)));

        hub.postMessage(message("private", "n1", "u-n1", "nobody", "Hello", null));
        JsonNode event = ticketEventOf("n1");

        assertThat(event.path("customer").path("crm").isNull()).isTrue();
        assertThat(event.path("tags").toString()).doesNotContain("crm-unavailable");
        assertThat(event.path("priority").asText()).isEqualTo("normal");
    }

    @Test
    void aCrmThatFailsOrIsSlowNeverHoldsTheTicketBack() throws Exception {
        crm.stubFor(get(urlPathEqualTo("/customers")).withQueryParam("handle", equalTo("downjane"))
                .willReturn(aResponse().withStatus(500)));
        crm.stubFor(get(urlPathEqualTo("/customers")).withQueryParam("handle", equalTo("slowjane"))
                .willReturn(okJson(crmCustomer("C-200", true, "gold")).withFixedDelay(5_000)));

        hub.postMessage(message("private", "d1", "u-d1", "downjane", "Hello", null));
        JsonNode down = ticketEventOf("d1");
        assertThat(down.path("customer").path("crm").isNull()).isTrue();
        assertThat(down.path("tags").toString()).contains("crm-unavailable");

        long start = System.nanoTime();
        hub.postMessage(message("private", "s1", "u-s1", "slowjane", "Hello", null));
        JsonNode slow = ticketEventOf("s1");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(slow.path("tags").toString()).contains("crm-unavailable");
        assertThat(slow.path("customer").path("handle").asText()).isEqualTo("slowjane");
        assertThat(tookMillis).as("the CRM answers after 5 s; the ticket must not wait for it").isLessThan(4_000);
    }

    @Test
    void theFirstPublicMessageGetsOnePublicHandoffAndTheFirstDmOneWelcome() throws Exception {
        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(aResponse().withStatus(404)));

        hub.postMessage(message("public", "p1", "u-p1", "publicjane", "@brand my order is late", null));
        hub.postMessage(message("public", "p2", "u-p1", "publicjane", "@brand hello??", null));
        JsonNode handoff = outboundTo("u-p1");

        assertThat(handoff.path("visibility").asText()).isEqualTo("public");
        assertThat(handoff.path("purpose").asText()).isEqualTo("acknowledgement");
        assertThat(handoff.path("inReplyTo").asText()).isEqualTo("p1");
        assertThat(handoff.path("recipientId").asText()).isEqualTo("u-p1");
        assertThat(handoff.path("text").asText())
                .isEqualTo("Hi @publicjane, write to us in private: https://mastodon.example/@brand");

        hub.postMessage(message("private", "w1", "u-w1", "dmjane", "Hello", null));
        JsonNode welcome = outboundTo("u-w1");
        assertThat(welcome.path("visibility").asText()).isEqualTo("private");
        assertThat(welcome.path("text").asText()).isEqualTo("Hi Jane Doe, what is it about?");
        assertThat(welcome.path("quickReplies").toString()).isEqualTo(
                "[{\"title\":\"Order problem\",\"payload\":\"choice:order\"},"
                        + "{\"title\":\"Billing\",\"payload\":\"choice:billing\"}]");

        hub.postMessage(message("private", "w2", "u-w1", "dmjane", "Billing", "choice:billing"));
        jms.setReceiveTimeout(1_500);
        assertThat(outboundTo("u-w1")).as("never a second automatic reply").isNull();
        assertThat(outboundTo("u-p1")).as("never a second automatic reply").isNull();
        assertThat(hub.conversationOf("dmjane").path("choice").asText()).isEqualTo("billing");
        assertThat(hub.conversationOf("publicjane").path("messages")).hasSize(2);
    }

    @Test
    void oneCustomerOnTwoChannelsIsFlaggedAndShownTogether() throws Exception {
        crm.stubFor(get(urlPathEqualTo("/customers")).withQueryParam("id", equalTo("u-m1"))
                .willReturn(okJson(crmCustomer("C-300", false, "silver"))));
        crm.stubFor(get(urlPathEqualTo("/customers")).withQueryParam("id", equalTo("bsky-1"))
                .willReturn(okJson(crmCustomer("C-300", false, "silver"))));

        hub.postMessage(message("private", "m1", "u-m1", "twochannels", "Hello from Mastodon", null));
        assertThat(ticketEventOf("m1").path("tags").toString()).doesNotContain("also-on");
        hub.postMessage(message("private", "b1", "bsky-1", "twochannels.bsky.social", "Hello from Bluesky", null)
                .replace("\"mastodon\"", "\"bluesky\"").replace("brand@mastodon.example", "did:plc:brand"));
        JsonNode bluesky = ticketEventOf("b1");
        assertThat(bluesky.path("tags").toString()).contains("also-on-mastodon");

        JsonNode customer = hub.getJson("/api/customers/C-300");
        assertThat(customer.path("crm").path("tier").asText()).isEqualTo("silver");
        assertThat(customer.path("identities")).hasSize(2);
        assertThat(customer.path("conversations")).hasSize(2);
        assertThat(customer.path("conversations").findValuesAsText("channel")).contains("mastodon", "bluesky");
        assertThat(hub.getJson("/api/customers/mastodon:u-m1").path("conversations")).hasSize(2);
    }
}
