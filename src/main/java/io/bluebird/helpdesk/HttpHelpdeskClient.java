package io.bluebird.helpdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.JsonText;
import io.bluebird.http.RetryAfter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.stereotype.Component;

/**
 * The HTTP calls of the helpdesk adapters, and the one place that decides what a failure means: 5xx, 429, 408,
 * timeouts and refused connections are {@link HelpdeskUnavailable} (retried), other 4xx {@link HelpdeskRejected}
 * (dead-lettered with the status and the start of the body).
 */
@Component
public class HttpHelpdeskClient {

    private static final int BODY_EXCERPT = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HelpdeskCircuits circuits;
    private final HelpdeskBudgets budgets;
    private final ObjectMapper json;

    public HttpHelpdeskClient(HelpdeskCircuits circuits, HelpdeskBudgets budgets, ObjectMapper json) {
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
        HttpResponse<String> response = expectSuccess(helpdesk, send(helpdesk, method, uri,
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
    public HttpResponse<String> send(String helpdesk, String method, URI uri, Map<String, String> headers, String json,
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
            HttpResponse<String> response = exchange(helpdesk, method, uri, headers, json, timeout);
            budgets.answered(helpdesk, response);
            int status = response.statusCode();
            if (status >= 500 || status == 429 || status == 408) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
                        new HelpdeskUnavailable(helpdesk + " answered " + status, null, null));
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

    private HttpResponse<String> exchange(String helpdesk, String method, URI uri, Map<String, String> headers,
                                          String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HelpdeskUnavailable(helpdesk + ": " + method + " " + uri.getPath() + " failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HelpdeskUnavailable(helpdesk + ": interrupted", null, e);
        }
    }

    /** Throws unless the response is a success. */
    public static HttpResponse<String> expectSuccess(String helpdesk, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String what = helpdesk + ": " + response.request().method() + " " + response.request().uri().getPath()
                + " answered " + status + " " + excerpt(response.body());
        if (status >= 500 || status == 429 || status == 408) {
            throw new HelpdeskUnavailable(what, RetryAfter.of(response.headers(), Instant.now()), null);
        }
        throw new HelpdeskRejected(what);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_EXCERPT ? body : body.substring(0, BODY_EXCERPT) + "…";
    }
}
