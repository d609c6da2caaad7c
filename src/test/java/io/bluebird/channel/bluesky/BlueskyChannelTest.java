package io.bluebird.channel.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.bluebird.HubClient;
import io.bluebird.StandIn;
import io.bluebird.channel.PollCursors;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
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
 * The Bluesky connector polling a PDS stand-in that answers as Bluesky documents it (session, notifications,
 * profiles, the chat log through atproto-proxy), through the running hub to the JMS helpdesk; and the agent's
 * answers going back as a chat message and as a reply post.
 */
// its pollers would go on calling the stand-in after it stops: the context ends with the class
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.bluesky.identifier=brand.bsky.social",
        "bluebird.bluesky.app-password=abcd-efgh-ijkl-mnop",
        "bluebird.bluesky.poll.enabled=true",
        "bluebird.bluesky.poll.interval=300",
        "bluebird.delivery.redelivery-delay=50",
        "bluebird.delivery.max-redelivery-delay=200",
        "spring.datasource.url=jdbc:h2:mem:bluesky;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class BlueskyChannelTest {

    static final String BRAND = "did:plc:brand0000000000000000";
    static final String CUSTOMER = "did:plc:customer00000000000000";
    static final String ONLOOKER = "did:plc:onlooker00000000000000";
    static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    static final String ACCESS_JWT = "eyJhbGciOiJFUzI1NksifQ."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"scope\":\"com.atproto.appPassPrivileged\",\"sub\":\"" + BRAND + "\",\"exp\":4102444800}")
                            .getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    @RegisterExtension
    static final StandIn pds = new StandIn(options().dynamicPort());

    static {
        stubThePds();
    }

    @DynamicPropertySource
    static void pdsUrl(DynamicPropertyRegistry registry) {
        registry.add("bluebird.bluesky.service-url", pds::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    PollCursors cursors;

    @Test
    void mentionsAndDmsBecomeOneTicketAndTheAgentsAnswersGoBack() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
        Map<String, JsonNode> events = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Message received = jms.receive("bluebird.helpdesk.tickets");
            assertThat(received).as("ticket event " + i).isNotNull();
            JsonNode event = HubClient.json(received.getBody(String.class));
            events.put(event.path("message").path("id").asText(), event);
        }
        JsonNode mention = events.get("bluesky:public:at://" + CUSTOMER + "/app.bsky.feed.post/3mention");
        JsonNode dm = events.get("bluesky:dm:msg-in-1");
        JsonNode onlooker = events.get("bluesky:public:at://" + ONLOOKER + "/app.bsky.feed.post/3quote");
        assertThat(mention.path("message").path("text").asText()).isEqualTo("@brand.bsky.social my parcel is lost");
        assertThat(mention.path("message").path("account").asText()).isEqualTo(BRAND);
        assertThat(mention.path("customer").path("handle").asText()).isEqualTo("jane.bsky.social");
        assertThat(mention.path("customer").path("name").asText()).isEqualTo("Jane Doe");
        assertThat(mention.path("customer").path("followers").asLong()).isEqualTo(321);
        assertThat(dm.path("message").path("visibility").asText()).isEqualTo("private");
        assertThat(dm.path("conversationId").asText()).as("a mention and the DMs that follow: one conversation")
                .isEqualTo(mention.path("conversationId").asText());
        assertThat(onlooker.path("message").path("inReplyTo").isNull()).isTrue();
        jms.setReceiveTimeout(1_500);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).as("likes and the brand's own posts make nothing")
                .isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "c1".equals(cursors.get("bluesky.chats")));
        pds.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", absent()));
        assertThat(cursors.get("bluesky.notifications")).isEqualTo(NOW);

        HubClient hub = new HubClient(port);
        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Sorry! A new one ships today."}"""
                .formatted(dm.path("conversationId").asText()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> pds.verify(1,
                postRequestedFor(urlPathEqualTo("/xrpc/chat.bsky.convo.sendMessage"))
                        .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat"))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS_JWT))
                        .withRequestBody(equalToJson("""
                                {"convoId": "convo-1", "message": {"text": "Sorry! A new one ships today."}}"""))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "c2".equals(cursors.get("bluesky.chats")));
        jms.setReceiveTimeout(1_500);
        assertThat(jms.receive("bluebird.helpdesk.tickets")).as("the echo of the hub's own DM is no new message")
                .isNull();
        JsonNode conversation = hub.getJson("/api/conversations/" + dm.path("conversationId").asText());
        assertThat(conversation.path("messages").get(conversation.path("messages").size() - 1).path("id").asText())
                .isEqualTo("bluesky:dm:msg-out-1");

        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Thanks for the kind words!"}"""
                .formatted(onlooker.path("conversationId").asText()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> pds.verify(1,
                postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord"))
                        .withRequestBody(equalToJson("""
                                {"repo": "%s", "collection": "app.bsky.feed.post",
                                 "record": {"$type": "app.bsky.feed.post", "text": "Thanks for the kind words!",
                                            "createdAt": "${json-unit.any-string}",
                                            "reply": {"root": {"uri": "at://%s/app.bsky.feed.post/3root", "cid": "bafyroot"},
                                                      "parent": {"uri": "at://%s/app.bsky.feed.post/3quote", "cid": "bafyquote"}}}}"""
                                .formatted(BRAND, BRAND, ONLOOKER)))));
        String closed = "did:plc:closed000000000000000";
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvoForMembers"))
                .withQueryParam("members", equalTo(closed)).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error": "InvalidRequest", "message": "recipient has disabled incoming messages"}""")));
        hub.postMessage(HubClient.dm("msg-closed-1", closed, "closed.bsky.social", "Help")
                .replace("\"x\"", "\"bluesky\"").replace("4337869213", BRAND));
        jms.setReceiveTimeout(20_000);
        String closedConversation = HubClient.json(jms.receive("bluebird.helpdesk.tickets").getBody(String.class))
                .path("conversationId").asText();
        accepted(hub, """
                {"type": "agent.reply", "conversationId": "%s", "text": "Can you DM us?"}""".formatted(closedConversation));
        JsonNode note = HubClient.json(jms.receive("bluebird.helpdesk.tickets").getBody(String.class));
        assertThat(note.path("type").asText()).isEqualTo("ticket.updated");
        assertThat(note.path("message").path("text").asText()).startsWith("Bluebird could not deliver this agent-reply"
                + " on bluesky: Bluesky chat.bsky.convo.getConvoForMembers answered 400 InvalidRequest: recipient has"
                + " disabled incoming messages");
        assertThat(jms.receive("bluebird.dead-letters").getStringProperty("deadLetterFrom"))
                .isEqualTo("bluebird.outbound.bluesky");

        pds.verify(1, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                .withRequestBody(equalToJson("""
                        {"identifier": "brand.bsky.social", "password": "abcd-efgh-ijkl-mnop"}""")));
    }



    private static void stubThePds() {
        pds.stubFor(post("/xrpc/com.atproto.server.createSession").willReturn(okJson("""
                {"did": "%s", "handle": "brand.bsky.social", "email": "care@brand.example", "accessJwt": "%s",
                 "refreshJwt": "refresh-1", "active": true}""".formatted(BRAND, ACCESS_JWT))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications")).willReturn(okJson("""
                {"notifications": [
                  {"uri": "at://%1$s/app.bsky.feed.post/3like", "cid": "bafylike", "reason": "like",
                   "author": {"did": "%1$s", "handle": "onlooker.bsky.social"}, "record": {"$type": "app.bsky.feed.like"},
                   "isRead": false, "indexedAt": "%3$s", "labels": []},
                  {"uri": "at://%1$s/app.bsky.feed.post/3quote", "cid": "bafyquote", "reason": "quote",
                   "author": {"did": "%1$s", "handle": "onlooker.bsky.social", "displayName": "Onlooker"},
                   "record": {"$type": "app.bsky.feed.post", "text": "Great service from @brand.bsky.social", "createdAt": "%3$s"},
                   "isRead": false, "indexedAt": "%3$s", "labels": []},
                  {"uri": "at://%2$s/app.bsky.feed.post/3mention", "cid": "bafymention", "reason": "mention",
                   "author": {"did": "%2$s", "handle": "jane.bsky.social", "displayName": "Jane Doe"},
                   "record": {"$type": "app.bsky.feed.post", "text": "@brand.bsky.social my parcel is lost", "createdAt": "%3$s"},
                   "isRead": false, "indexedAt": "%3$s", "labels": []},
                  {"uri": "at://%4$s/app.bsky.feed.post/3own", "cid": "bafyown", "reason": "reply",
                   "author": {"did": "%4$s", "handle": "brand.bsky.social"},
                   "record": {"$type": "app.bsky.feed.post", "text": "our own reply", "createdAt": "2026-01-01T00:00:00Z"},
                   "isRead": true, "indexedAt": "2026-01-01T00:00:00.000Z", "labels": []}],
                 "cursor": "n1"}""".formatted(ONLOOKER, CUSTOMER, NOW, BRAND))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(CUSTOMER))
                .willReturn(okJson("""
                        {"did": "%s", "handle": "jane.bsky.social", "displayName": "Jane Doe", "followersCount": 321,
                         "followsCount": 80, "postsCount": 12}""".formatted(CUSTOMER))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")).withQueryParam("actor", equalTo(ONLOOKER))
                .willReturn(okJson("""
                        {"did": "%s", "handle": "onlooker.bsky.social", "displayName": "Onlooker", "followersCount": 5}"""
                        .formatted(ONLOOKER))));
        // as the chat service does (bluesky-social/atproto#2760): without a cursor the log starts now, with nothing
        // in it but the cursor to go on from
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", absent())
                .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat"))
                .willReturn(okJson("{\"logs\": [], \"cursor\": \"c0\"}")));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", equalTo("c0"))
                .withHeader("atproto-proxy", equalTo("did:web:api.bsky.chat#bsky_chat"))
                .willReturn(okJson("""
                        {"logs": [
                          {"$type": "chat.bsky.convo.defs#logBeginConvo", "rev": "r0", "convoId": "convo-1"},
                          {"$type": "chat.bsky.convo.defs#logCreateMessage", "rev": "r1", "convoId": "convo-1",
                           "message": {"$type": "chat.bsky.convo.defs#messageView", "id": "msg-in-1", "rev": "r1",
                                       "text": "It was order 1234", "sender": {"did": "%s"}, "sentAt": "%s"}}],
                         "cursor": "c1"}""".formatted(CUSTOMER, NOW))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", equalTo("c1"))
                .inScenario("dm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"logs\": [], \"cursor\": \"c1\"}")));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", equalTo("c1"))
                .inScenario("dm").whenScenarioStateIs("sent")
                .willReturn(okJson("""
                        {"logs": [{"$type": "chat.bsky.convo.defs#logCreateMessage", "rev": "r2", "convoId": "convo-1",
                                   "message": {"$type": "chat.bsky.convo.defs#messageView", "id": "msg-out-1", "rev": "r2",
                                               "text": "Sorry! A new one ships today.", "sender": {"did": "%s"},
                                               "sentAt": "%s"}}],
                         "cursor": "c2"}""".formatted(BRAND, NOW))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getLog")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson("{\"logs\": [], \"cursor\": \"c2\"}")));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvo")).withQueryParam("convoId", equalTo("convo-1"))
                .willReturn(okJson("""
                        {"convo": {"id": "convo-1", "rev": "r2", "members": [{"did": "%s", "handle": "brand.bsky.social"},
                                   {"did": "%s", "handle": "jane.bsky.social"}], "muted": false, "unreadCount": 0}}"""
                        .formatted(BRAND, CUSTOMER))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/chat.bsky.convo.getConvoForMembers"))
                .withQueryParam("members", equalTo(CUSTOMER))
                .willReturn(okJson("{\"convo\": {\"id\": \"convo-1\", \"rev\": \"r1\", \"members\": [], \"muted\": false}}")));
        pds.stubFor(post("/xrpc/chat.bsky.convo.sendMessage").inScenario("dm")
                .willReturn(okJson("""
                        {"id": "msg-out-1", "rev": "r2", "text": "Sorry! A new one ships today.",
                         "sender": {"did": "%s"}, "sentAt": "%s"}""".formatted(BRAND, NOW)))
                .willSetStateTo("sent"));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).willReturn(okJson("""
                {"posts": [{"uri": "at://%1$s/app.bsky.feed.post/3quote", "cid": "bafyquote",
                            "author": {"did": "%1$s", "handle": "onlooker.bsky.social"},
                            "record": {"$type": "app.bsky.feed.post", "text": "Great service from @brand.bsky.social",
                                       "createdAt": "%3$s",
                                       "reply": {"root": {"uri": "at://%2$s/app.bsky.feed.post/3root", "cid": "bafyroot"},
                                                 "parent": {"uri": "at://%2$s/app.bsky.feed.post/3root", "cid": "bafyroot"}}},
                            "indexedAt": "%3$s"}]}""".formatted(ONLOOKER, BRAND, NOW))));
        pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(okJson("""
                {"uri": "at://%s/app.bsky.feed.post/3reply", "cid": "bafyreply"}""".formatted(BRAND))));
    }

    private static void accepted(HubClient hub, String json) {
        assertThat(hub.postHelpdeskEvent(json).statusCode()).isEqualTo(202);
    }
}
