package io.bluebird.channel;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.client.HttpAnswer;
import io.bluebird.client.OutboundHttp;
import io.bluebird.client.PeerUnreachable;
import io.bluebird.http.JsonText;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The channel connectors' calls, through the hub's {@link OutboundHttp}: a call that could not be made (refused,
 * timed out) is {@link ChannelUnavailable}, so it is retried like a 5xx; answers are read leniently, since vendors'
 * error bodies are not always JSON.
 */
@Component
public class ChannelHttp {

    private final OutboundHttp http;
    private final ObjectMapper json;

    public ChannelHttp(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** The client for a channel's calls, which give up after its {@code timeout}. */
    public RestClient client(Duration timeout) {
        return http.timingOutAfter(timeout);
    }

    /** {@code what} names the call in the error, e.g. "X POST /2/tweets"; never with a token in it. */
    public HttpAnswer send(RestClient.RequestHeadersSpec<?> call, String what) {
        try {
            return http.send(call, what);
        } catch (PeerUnreachable e) {
            throw new ChannelUnavailable(e.getMessage(), null);
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
