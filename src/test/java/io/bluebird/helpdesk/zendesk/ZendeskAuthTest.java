package io.bluebird.helpdesk.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.breaker.BreakerSettings;
import io.bluebird.broker.BatchTransactions;
import io.bluebird.client.OutboundHttp;
import io.bluebird.helpdesk.HelpdeskBudgets;
import io.bluebird.helpdesk.HelpdeskCircuits;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskSettings;
import io.bluebird.helpdesk.HelpdeskUnavailable;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.ZendeskSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth tokens from a Zendesk stand-in whose token endpoint is slow: callers for one helpdesk share one request,
 * callers for another one do not wait for it. "zendesk" and "zendesk-fr" fall in the same bin of a small
 * ConcurrentHashMap, whose lock a request made inside {@code compute} would hold for both.
 */
class ZendeskAuthTest {

    private static final String TOKEN = "{\"access_token\": \"%s\", \"token_type\": \"bearer\", \"expires_in\": 172800}";

    private final WireMockServer zendesk = new WireMockServer(options().dynamicPort());
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private ZendeskAuth auth;

    @BeforeEach
    void start() {
        zendesk.start();
        HelpdeskConfig config = new HelpdeskConfig(Map.of("zendesk", helpdesk(""), "zendesk-fr", helpdesk("/fr")),
                new HelpdeskConfig.Routing("zendesk", null));
        HttpHelpdeskClient http = new HttpHelpdeskClient(OutboundHttp.standalone(),
                new HelpdeskCircuits(BreakerSettings.defaults()),
                new HelpdeskBudgets(config, new BatchTransactions(null), new SimpleMeterRegistry()), new ObjectMapper());
        auth = new ZendeskAuth(config, http, new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        zendesk.stop();
    }

    @Test
    void concurrentCallersShareOneTokenRequestAndAnotherHelpdeskDoesNotWaitForIt() throws Exception {
        zendesk.stubFor(post("/oauth/tokens").willReturn(okJson(TOKEN.formatted("token-1")).withFixedDelay(1500)));
        zendesk.stubFor(post("/fr/oauth/tokens").willReturn(okJson(TOKEN.formatted("token-fr"))));

        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(callers.submit(() -> auth.authorization("zendesk")));
        }
        Thread.sleep(300);
        long start = System.nanoTime();
        assertThat(auth.authorization("zendesk-fr")).isEqualTo("Bearer token-fr");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("zendesk-fr waited for zendesk's token")
                .isLessThan(Duration.ofMillis(700));

        for (Future<String> caller : waiting) {
            assertThat(caller.get()).isEqualTo("Bearer token-1");
        }
        zendesk.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
        assertThat(auth.authorization("zendesk")).isEqualTo("Bearer token-1");
        zendesk.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
    }

    @Test
    void aFailedRequestFailsEveryoneWhoWaitedForItAndTheNextCallAsksAgain() throws Exception {
        zendesk.stubFor(post("/oauth/tokens").willReturn(aResponse().withStatus(503).withFixedDelay(1000)));

        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(callers.submit(() -> auth.authorization("zendesk")));
        }
        for (Future<String> caller : waiting) {
            try {
                caller.get();
                throw new AssertionError("a token while Zendesk answers 503");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(HelpdeskUnavailable.class).hasMessageContaining("503");
            }
        }
        zendesk.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));

        zendesk.stubFor(post("/oauth/tokens").willReturn(okJson(TOKEN.formatted("token-2"))));
        assertThat(auth.authorization("zendesk")).isEqualTo("Bearer token-2");
        zendesk.verify(2, postRequestedFor(urlEqualTo("/oauth/tokens")));
    }

    private HelpdeskSettings helpdesk(String path) {
        return new ZendeskSettings(zendesk.baseUrl() + path, "bluebird-test", "client-secret", null, null,
                Duration.ofSeconds(5), null, null, null, 200, 100, 4);
    }
}
