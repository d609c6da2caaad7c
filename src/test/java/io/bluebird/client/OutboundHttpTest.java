package io.bluebird.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What every call out leaves to its caller: an answer is handed back as it came (no retry on a 429 or 503, no
 * redirect followed, no cookie kept), and a call that got no answer is PeerUnreachable, never sent again: at a
 * helpdesk even a PUT adds a comment.
 */
class OutboundHttpTest {

    private final WireMockServer peer = new WireMockServer(options().dynamicPort());
    private final OutboundHttp http = OutboundHttp.standalone();

    @BeforeEach
    void start() {
        peer.start();
    }

    @AfterEach
    void stop() throws Exception {
        peer.stop();
        http.close();
    }

    @Test
    void aServiceUnavailableWithRetryAfterIsTheCallersToRead() {
        peer.stubFor(get("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        HttpAnswer answer = http.send(http.timingOutAfter(Duration.ofSeconds(5)).get().uri(uri("/busy")), "GET /busy");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).contains("1");
        peer.verify(1, getRequestedFor(urlEqualTo("/busy")));
    }

    @Test
    void aRedirectIsAnsweredNotFollowedAndNoCookieIsSentBack() {
        peer.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")
                .withHeader("Set-Cookie", "session=abc")));

        HttpAnswer answer = http.send(http.timingOutAfter(Duration.ofSeconds(5)).get().uri(uri("/moved")),
                "GET /moved");
        http.send(http.timingOutAfter(Duration.ofSeconds(5)).get().uri(uri("/moved")), "GET /moved");

        assertThat(answer.statusCode()).isEqualTo(302);
        peer.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
        assertThat(peer.findAll(getRequestedFor(urlEqualTo("/moved"))))
                .allSatisfy(request -> assertThat(request.containsHeader("Cookie")).isFalse());
    }

    @Test
    void aPutWhoseConnectionIsResetIsUnreachableAndSentOnce() {
        peer.stubFor(put("/tickets/1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> http.send(http.timingOutAfter(Duration.ofSeconds(5)).put().uri(uri("/tickets/1"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\": \"é\"}"), "PUT /tickets/1"))
                .isInstanceOf(PeerUnreachable.class).hasMessageStartingWith("PUT /tickets/1 failed");
        peer.verify(1, putRequestedFor(urlEqualTo("/tickets/1")));
    }

    @Test
    void aBodyGoesWithItsLengthAndItsBytesInUtf8() {
        peer.stubFor(post("/tickets").willReturn(aResponse().withStatus(201)));

        http.send(http.timingOutAfter(Duration.ofSeconds(5)).post().uri(uri("/tickets"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"subject\": \"é\"}"), "POST /tickets");

        peer.verify(postRequestedFor(urlEqualTo("/tickets")).withHeader("Content-Length", equalTo("17"))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/tickets"))).get(0).getBodyAsString())
                .isEqualTo("{\"subject\": \"é\"}");
    }

    @Test
    void aCallThatTakesLongerThanItsTimeoutIsUnreachable() {
        peer.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        assertThatThrownBy(() -> http.send(http.timingOutAfter(Duration.ofMillis(300)).get().uri(uri("/slow")),
                "GET /slow")).isInstanceOf(PeerUnreachable.class);
    }

    private URI uri(String path) {
        return URI.create(peer.baseUrl() + path);
    }
}
