package io.bluebird.channel.x;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import org.springframework.stereotype.Component;

/**
 * Calls to the X API v2 at {@code bluebird.x.api-base-url}, as the app (the bearer token: reads, webhooks) or as the
 * brand account (OAuth 2.0 user context: DMs, replies, subscriptions; renewed once on a 401). A 429 or 5xx is
 * {@link ChannelUnavailable} until {@code x-rate-limit-reset}; any other 4xx {@link ChannelRefused} with X's reason.
 */
@Component
class XApi {

    enum As { APP, BRAND }

    /** An answer with the rate-limit headers, which pollers pace themselves by. */
    record Answer(JsonNode body, Integer remaining, Instant reset) {
    }

    private final XSettings settings;
    private final XTokens tokens;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    XApi(XSettings settings, XTokens tokens, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    Answer call(String method, String pathAndQuery, Object body, As as) {
        HttpResponse<String> response = send(method, pathAndQuery, body, as);
        if (response.statusCode() == 401 && as == As.BRAND) {
            tokens.expire();
            response = send(method, pathAndQuery, body, as);
        }
        JsonNode answer = parse(response.body());
        Integer remaining = response.headers().firstValue("x-rate-limit-remaining").filter(v -> v.matches("\\d+"))
                .map(Integer::valueOf).orElse(null);
        Instant reset = response.headers().firstValue("x-rate-limit-reset").filter(v -> v.matches("\\d+"))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v))).orElse(null);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(answer, remaining, reset);
        }
        String what = "X " + method + " " + pathAndQuery.replaceFirst("\\?.*", "") + " answered " + status + ": "
                + reason(answer);
        if (status == 429 || status >= 500) {
            Duration wait = reset == null ? null : Duration.between(clock.instant(), reset);
            throw new ChannelUnavailable(what, wait == null || wait.isNegative() ? null : wait);
        }
        throw new ChannelRefused(what);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, Object body, As as) {
        String token = as == As.APP ? settings.bearerToken() : tokens.accessToken();
        if (!XSettings.isSet(token)) {
            throw new ChannelRefused("X is not configured: set bluebird.x.bearer-token");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + pathAndQuery))
                .timeout(settings.timeout()).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChannelUnavailable("X " + method + " " + pathAndQuery.replaceFirst("\\?.*", "")
                    + " failed: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable("interrupted", null);
        }
    }

    /** X's problem details ({@code detail}, {@code title}) or v1-style {@code errors[].message}. */
    private static String reason(JsonNode answer) {
        if (answer.hasNonNull("detail")) {
            return answer.path("detail").asText();
        }
        if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            JsonNode first = answer.path("errors").get(0);
            return first.path("message").asText(first.path("detail").asText(""));
        }
        return answer.path("title").asText("");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
