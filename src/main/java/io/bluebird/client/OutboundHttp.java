package io.bluebird.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Every call the hub makes, to the channels, the helpdesks and the CRM: Spring's {@link RestClient} from Spring Boot's
 * builder, so that each call is timed in {@code http.client.requests}, on one pool of kept-alive connections
 * (Apache HttpClient, which Camel's http component brings for the channels added in YAML); a timeout per call; an
 * answer whatever its status ({@link HttpAnswer}), which each caller reads in its peer's terms; and a call that could
 * not be made (refused, reset, timed out) is {@link PeerUnreachable}.
 * <p>
 * Not the JDK's HttpClient: through Spring it sends every call asynchronously, and on two cores or fewer (a common
 * pool of one) each call starts a thread of its own to complete on, another to write its body.
 */
@Component
public class OutboundHttp implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Calls at once to one host: the delivery, outbound and CRM consumers together stay well below it. */
    private static final int CONNECTIONS_PER_HOST = 64;

    private final CloseableHttpClient connections = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(CONNECTIONS_PER_HOST)
                    .setMaxConnTotal(4 * CONNECTIONS_PER_HOST)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            // a kept-alive connection the peer may have closed meanwhile is checked before it is used
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .build())
            // what each caller reads itself: Retry-After on 429 and 503, redirects, cookies, the encoding. And no call
            // is sent again by the client, not even a PUT: at a helpdesk a PUT adds a comment, so a call whose answer
            // was lost is the caller's to find (Zendesk's audits) or to retry
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
    private final RestClient.Builder builder;
    private final Map<Duration, RestClient> clients = new ConcurrentHashMap<>();

    public OutboundHttp(RestClient.Builder builder) {
        this.builder = builder;
    }

    /** Without Spring Boot's builder (no metrics), for code that runs outside the application. */
    public static OutboundHttp standalone() {
        return new OutboundHttp(RestClient.builder());
    }

    /** The client whose calls fail as {@link PeerUnreachable} when no answer came within {@code timeout}. */
    public RestClient timingOutAfter(Duration timeout) {
        return clients.computeIfAbsent(timeout, limit -> {
            HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(connections);
            requests.setConnectionRequestTimeout(CONNECT_TIMEOUT);
            requests.setReadTimeout(limit);
            return builder.clone().requestFactory(requests).build();
        });
    }

    /**
     * Makes the call and returns its answer, whatever its status. {@code what} names the call in the error, e.g.
     * "X POST /2/tweets"; never with a secret in it.
     */
    public HttpAnswer send(RestClient.RequestHeadersSpec<?> call, String what) {
        try {
            return call.exchange((request, response) -> new HttpAnswer(what, response.getStatusCode().value(),
                    response.getHeaders(), text(response)));
        } catch (ResourceAccessException e) {
            throw new PeerUnreachable(what + " failed: " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    private static String text(ClientHttpResponse response) throws IOException {
        MediaType type = response.getHeaders().getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        try (InputStream body = response.getBody()) {
            return StreamUtils.copyToString(body, charset);
        }
    }

    @Override
    public void close() throws IOException {
        connections.close();
    }
}
