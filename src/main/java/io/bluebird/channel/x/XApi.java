package io.bluebird.channel.x;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.HttpAnswer;
import io.bluebird.http.RetryAfter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls to the X API v2 at {@code bluebird.x.api-base-url}, as the app (the bearer token: reads, webhooks) or as the
 * brand account (OAuth 2.0 user context: DMs, replies, subscriptions; renewed once on a 401). A 429 or 5xx is
 * {@link ChannelUnavailable} until {@code x-rate-limit-reset} (or {@code Retry-After} when that is what X
 * sent); any other 4xx {@link ChannelRefused} with X's reason.
 */
@Component
class XApi {

    enum As { APP, BRAND }

    /** An answer with the rate-limit headers, which pollers pace themselves by. */
    record Answer(JsonNode body, Integer remaining, Instant reset) {
    }

    private final XSettings settings;
    private final XTokens tokens;
    private final ChannelHttp http;
    private final Clock clock;

    XApi(XSettings settings, XTokens tokens, ChannelHttp http, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    Answer call(String method, String pathAndQuery, Object body, As as) {
        HttpAnswer response = send(method, pathAndQuery, body, as);
        if (response.statusCode() == 401 && as == As.BRAND) {
            tokens.expire();
            response = send(method, pathAndQuery, body, as);
        }
        JsonNode answer = http.parse(response.body());
        Integer remaining = response.header("x-rate-limit-remaining").filter(v -> v.matches("\\d+"))
                .map(Integer::valueOf).orElse(null);
        Instant reset = response.header("x-rate-limit-reset").filter(v -> v.matches("\\d+"))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v))).orElse(null);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(answer, remaining, reset);
        }
        String what = "X " + method + " " + pathAndQuery.replaceFirst("\\?.*", "") + " answered " + status + ": "
                + reason(answer);
        if (status == 429 || status >= 500) {
            Duration wait = reset != null ? Duration.between(clock.instant(), reset)
                    : RetryAfter.of(response.headers(), clock.instant());
            throw new ChannelUnavailable(what, wait == null || wait.isNegative() ? null : wait);
        }
        throw new ChannelRefused(what);
    }

    private HttpAnswer send(String method, String pathAndQuery, Object body, As as) {
        String token = as == As.APP ? settings.bearerToken() : tokens.accessToken();
        if (!XSettings.isSet(token)) {
            throw new ChannelRefused("X is not configured: set bluebird.x.bearer-token");
        }
        RestClient.RequestBodySpec request = http.client(settings.timeout()).method(HttpMethod.valueOf(method))
                .uri(URI.create(settings.apiBaseUrl() + pathAndQuery)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(http.toJson(body));
        }
        return http.send(request, "X " + method + " " + pathAndQuery.replaceFirst("\\?.*", ""));
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
}
