package io.bluebird.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Every call the hub makes, to the channels, the helpdesks and the CRM: Spring's {@link RestClient} from Spring Boot's
 * builder, so that each call is timed in {@code http.client.requests}, on one JDK HttpClient whose connections are
 * kept alive and shared; a timeout per call; an answer whatever its status ({@link HttpAnswer}), which each caller
 * reads in its peer's terms; and a call that could not be made (refused, reset, timed out) is {@link PeerUnreachable}.
 */
@Component
public class OutboundHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient connections = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
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
            JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(connections);
            requests.setReadTimeout(limit);
            return builder.clone().requestFactory(requests).build();
        });
    }

    /**
     * Puts {@code body} on the call as bytes of its own, not through Spring's message converters: those log the
     * whole body at DEBUG, and bodies carry client secrets, refresh tokens and passwords.
     */
    public static RestClient.RequestBodySpec withBody(RestClient.RequestBodySpec call, MediaType type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return call.contentType(type).contentLength(bytes.length).body(out -> out.write(bytes));
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
}
