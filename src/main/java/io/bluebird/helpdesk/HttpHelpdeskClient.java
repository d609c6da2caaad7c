package io.bluebird.helpdesk;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.client.HttpAnswer;
import io.bluebird.client.OutboundHttp;
import io.bluebird.client.PeerUnreachable;
import io.bluebird.http.JsonText;
import io.bluebird.http.RetryAfter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The HTTP calls of the helpdesk adapters, through the hub's {@link OutboundHttp}, and the one place that decides
 * what a failure means: 5xx, 429, 408, timeouts and refused connections are {@link HelpdeskUnavailable} (retried),
 * other 4xx {@link HelpdeskRejected} (dead-lettered with the status and the start of the body).
 */
@Component
public class HttpHelpdeskClient {

    private static final int BODY_EXCERPT = 500;

    private final OutboundHttp http;
    private final HelpdeskCircuits circuits;
    private final HelpdeskBudgets budgets;
    private final ObjectMapper json;

    public HttpHelpdeskClient(OutboundHttp http, HelpdeskCircuits circuits, HelpdeskBudgets budgets,
                              ObjectMapper json) {
        this.http = http;
        this.circuits = circuits;
        this.budgets = budgets;
        this.json = json;
    }

    /**
     * A JSON call that must succeed: {@code body} (null for none) sent as JSON through {@link #send}, the answer
     * checked by {@link #expectSuccess} and read as JSON; an answer without a JSON object reads as an empty one.
     */
    public JsonNode exchange(String helpdesk, String method, URI uri, String authorization, Object body,
                             Duration timeout) {
        HttpAnswer response = expectSuccess(send(helpdesk, method, uri,
                Map.of("Authorization", authorization), body == null ? null : toJson(body), timeout));
        return JsonText.objectOrEmpty(json, response.body());
    }

    public String toJson(Object body) {
        return JsonText.of(json, body);
    }

    /**
     * Sends the request, once the helpdesk's rate limit has a call for it ({@link HelpdeskBudgets}), through its
     * circuit breaker and returns the response, whatever its status. I/O failures, and an open breaker (the helpdesk
     * has been failing: no call is made), are thrown as {@link HelpdeskUnavailable}.
     */
    public HttpAnswer send(String helpdesk, String method, URI uri, Map<String, String> headers, String json,
                           Duration timeout) {
        CircuitBreaker breaker = circuits.of(helpdesk);
        if (!breaker.tryAcquirePermission()) {
            throw circuits.open(helpdesk);
        }
        try {
            budgets.spend(helpdesk);
        } catch (HelpdeskUnavailable noCallLeft) {
            breaker.releasePermission();
            throw noCallLeft;
        }
        long start = System.nanoTime();
        try {
            HttpAnswer response = exchange(helpdesk, method, uri, headers, json, timeout);
            budgets.answered(helpdesk, response);
            if (response.isTemporaryFailure()) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
                        new HelpdeskUnavailable(helpdesk + " answered " + response.statusCode(), null, null));
            } else {
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            return response;
        } catch (HelpdeskUnavailable e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        } finally {
            budgets.ended(helpdesk);
        }
    }

    private HttpAnswer exchange(String helpdesk, String method, URI uri, Map<String, String> headers, String json,
                                Duration timeout) {
        RestClient.RequestBodySpec request = http.timingOutAfter(timeout).method(HttpMethod.valueOf(method)).uri(uri)
                .accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        headers.forEach(request::header);
        try {
            return http.send(request, helpdesk + ": " + method + " " + uri.getPath());
        } catch (PeerUnreachable e) {
            throw new HelpdeskUnavailable(e.getMessage(), null, e);
        }
    }

    /** Throws unless the answer is a success. */
    public static HttpAnswer expectSuccess(HttpAnswer response) {
        if (response.isSuccess()) {
            return response;
        }
        String what = response.call() + " answered " + response.statusCode() + " " + excerpt(response.body());
        if (response.isTemporaryFailure()) {
            throw new HelpdeskUnavailable(what, RetryAfter.of(response.headers(), Instant.now()), null);
        }
        throw new HelpdeskRejected(what);
    }

    private static String excerpt(String body) {
        return body.length() <= BODY_EXCERPT ? body : body.substring(0, BODY_EXCERPT) + "…";
    }
}
