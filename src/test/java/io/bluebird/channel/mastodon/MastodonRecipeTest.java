package io.bluebird.channel.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.channel.PollCursors;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The add-a-channel recipe, routes/examples/mastodon.yaml, loaded as an integrator would load it, against a Mastodon
 * stand-in answering as the Mastodon API documents: mentions in public and in private become tickets, the HTML
 * becomes text, and the cursor (min_id) stops a second import.
 */
// its pollers would go on calling the stand-in after it stops: the context ends with the class
@DirtiesContext
@SpringBootTest(properties = {
        "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/examples/mastodon.yaml",
        "mastodon.access-token=mastodon-token",
        "mastodon.account=brand@social.example",
        "mastodon.poll-interval=300",
        "spring.datasource.url=jdbc:h2:mem:mastodon;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class MastodonRecipeTest {

    @RegisterExtension
    static final StandIn mastodon = new StandIn(options().dynamicPort());

    static {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", absent())
                .willReturn(okJson("""
                        [{"id": "34975861", "type": "mention", "created_at": "2026-11-24T09:00:00.000Z",
                          "account": {"id": "109", "username": "ann", "acct": "ann@other.example",
                                      "display_name": "Ann Example", "followers_count": 321},
                          "status": {"id": "113001", "created_at": "2026-11-24T09:00:00.000Z", "in_reply_to_id": null,
                                     "visibility": "direct", "url": "https://other.example/@ann/113001",
                                     "content": "<p><span class=\\"h-card\\"><a href=\\"https://social.example/@brand\\" class=\\"u-url mention\\">@<span>brand</span></a></span> my order &amp; invoice</p><p>are missing</p>",
                                     "media_attachments": [{"id": "1", "type": "image",
                                                            "url": "https://files.other.example/1.png"}]}},
                         {"id": "34975860", "type": "mention", "created_at": "2026-11-24T08:00:00.000Z",
                          "account": {"id": "110", "username": "bob", "acct": "bob", "display_name": "",
                                      "followers_count": 12},
                          "status": {"id": "112999", "created_at": "2026-11-24T08:00:00.000Z", "in_reply_to_id": "112990",
                                     "visibility": "public", "content": "<p>@brand love it!<br>Really</p>",
                                     "media_attachments": []}}]""")));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", equalTo("34975861"))
                .willReturn(okJson("[]")));
    }

    @DynamicPropertySource
    static void mastodonUrl(DynamicPropertyRegistry registry) {
        registry.add("mastodon.base-url", mastodon::baseUrl);
    }

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    PollCursors cursors;

    @Test
    void mentionsBecomeTicketsOnceEach() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        Map<String, JsonNode> events = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Message received = jms.receive("bluebird.helpdesk.tickets");
            assertThat(received).isNotNull();
            JsonNode event = HubClient.json(received.getBody(String.class));
            events.put(event.path("message").path("id").asText(), event);
        }
        JsonNode direct = events.get("mastodon:dm:113001").path("message");
        assertThat(direct.path("visibility").asText()).isEqualTo("private");
        assertThat(direct.path("text").asText()).isEqualTo("@brand my order & invoice\n\nare missing");
        assertThat(direct.path("author").path("handle").asText()).isEqualTo("ann@other.example");
        assertThat(direct.path("author").path("followers").asLong()).isEqualTo(321);
        assertThat(direct.path("account").asText()).isEqualTo("brand@social.example");
        assertThat(direct.path("attachments").path(0).path("url").asText()).isEqualTo("https://files.other.example/1.png");
        JsonNode open = events.get("mastodon:public:112999").path("message");
        assertThat(open.path("text").asText()).isEqualTo("@brand love it!\nReally");
        assertThat(open.path("inReplyTo").asText()).isEqualTo("112990");

        await().atMost(Duration.ofSeconds(10)).until(() -> "34975861".equals(cursors.get("mastodon.notifications")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mastodon.verify(getRequestedFor(
                urlPathEqualTo("/api/v1/notifications")).withQueryParam("min_id", equalTo("34975861"))
                .withQueryParam("types[]", equalTo("mention")).withQueryParam("include_filtered", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer mastodon-token"))));
        jms.setReceiveTimeout(1_000);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).isNull();
    }
}
