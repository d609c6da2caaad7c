package io.bluebird;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.springframework.jms.core.JmsTemplate;

/** The hub seen from outside: real HTTP calls to its port, as a channel or an integrator would make them. */
public final class HubClient {

    public static final String TOKEN = "test-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public HubClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> postMessage(String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A HelpdeskEvent on POST /api/helpdesk-events, as a helpdesk would send it. */
    public HttpResponse<String> postHelpdeskEvent(String json) {
        return send(request("/api/helpdesk-events").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The next message on a queue of the hub's broker, as JSON; fails the test when none comes in time. */
    public static JsonNode received(JmsTemplate jms, String queue) {
        Message message = jms.receive(queue);
        if (message == null) {
            throw new AssertionError("nothing arrived on " + queue + " within " + jms.getReceiveTimeout() + " ms");
        }
        try {
            return json(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    /** GET on the hub's API with the right token, the answer parsed. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = send(request(path).header("Authorization", "Bearer " + TOKEN).GET());
        return json(response.body());
    }

    /** The first conversation of a handle, or a missing node while there is none. */
    public JsonNode conversationOf(String handle) {
        return getJson("/api/conversations?handle=" + handle).path("conversations").path(0);
    }

    /** The JSON error of an answer that must be a 400. */
    public static JsonNode badRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** A customer's private message as a generic channel would post it. */
    public static String dm(String nativeId, String authorId, String handle, String text) {
        return """
                {"channel": "x", "visibility": "private", "nativeId": "%s", "account": "4337869213",
                 "author": {"id": "%s", "handle": "%s", "name": "Jane Doe", "followers": 1200, "verified": false},
                 "text": "%s", "createdAt": "2026-11-22T10:00:00Z"}""".formatted(nativeId, authorId, handle, text);
    }
}
