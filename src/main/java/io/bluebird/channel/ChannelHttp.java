package io.bluebird.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.JsonText;
import org.springframework.stereotype.Component;

/**
 * HTTP for the channel connectors: a call that could not be made (refused, timed out) is
 * {@link ChannelUnavailable}, so it is retried like a 5xx; answers are read leniently, since vendors' error
 * bodies are not always JSON.
 */
@Component
public class ChannelHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    public ChannelHttp(ObjectMapper json) {
        this.json = json;
    }

    /** {@code what} names the call in the error, e.g. "X POST /2/tweets"; never with a token in it. */
    public HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChannelUnavailable(what + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable(what + " interrupted", null);
        }
    }

    /** The body's JSON object; an empty one when it is blank, not JSON, or no object. */
    public JsonNode parse(String body) {
        return JsonText.objectOrEmpty(json, body);
    }

    public String toJson(Object body) {
        return JsonText.of(json, body);
    }
}
