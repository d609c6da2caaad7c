package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.bluebird.HubClient;
import io.bluebird.channel.x.XChannelTest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The hub's doors end their requests in one pass: a webhook taken, a CRC check, a refusal and an API answer, each
 * with no asynchronous dispatch, which a filter on that dispatcher type would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.x.account-id=" + XChannelTest.BRAND,
        "bluebird.x.consumer-secret=" + FinishedRouteAnswersTest.SECRET,
        "spring.datasource.url=jdbc:h2:mem:finished-route-answers;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class FinishedRouteAnswersTest {

    static final String SECRET = "x-consumer-secret";
    static final AtomicInteger asyncDispatches = new AtomicInteger();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class AsyncDispatches {
        @Bean
        FilterRegistrationBean<Filter> countingAsyncDispatches() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                asyncDispatches.incrementAndGet();
                chain.doFilter(request, response);
            });
            registration.setDispatcherTypes(DispatcherType.ASYNC);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    @Test
    void everyDoorAnswersWithoutAnAsyncDispatch() {
        HubClient hub = new HubClient(port);
        byte[] dm = XChannelTest.envelope("dm.received", XChannelTest.dms(
                XChannelTest.dm("1900000000000000001", "3805104374", XChannelTest.BRAND, "Where is my order?")))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(hub.send(hub.request("/webhooks/x")
                .header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(SECRET, dm))
                .POST(HttpRequest.BodyPublishers.ofByteArray(dm))).statusCode()).isEqualTo(200);
        assertThat(hub.send(hub.request("/webhooks/x?crc_token=abc").GET()).statusCode()).isEqualTo(200);
        assertThat(hub.send(hub.request("/webhooks/x")
                .header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64("guess", dm))
                .POST(HttpRequest.BodyPublishers.ofByteArray(dm))).statusCode()).isEqualTo(401);
        assertThat(hub.send(hub.request("/api/openapi.json")
                .header("Authorization", "Bearer " + HubClient.TOKEN).GET()).statusCode()).isEqualTo(200);

        assertThat(asyncDispatches).hasValue(0);
    }
}
