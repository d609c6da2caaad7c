package io.bluebird.channel.bluesky;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.HttpAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * XRPC calls to the brand's PDS with a session made from the app password: the access token is refreshed before it
 * expires (and once on a 401), the session made anew when the refresh token is refused too. Chat calls carry the
 * {@code atproto-proxy} header so the PDS forwards them to Bluesky's chat service. A 429 or 5xx is
 * {@link ChannelUnavailable} (until {@code ratelimit-reset} when given), another 4xx {@link ChannelRefused}.
 */
@Component
public class BlueskyApi {

    private static final Logger log = LoggerFactory.getLogger(BlueskyApi.class);
    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final BlueskySettings settings;
    private final ChannelHttp http;
    private final Clock clock;
    private Session session;

    public BlueskyApi(BlueskySettings settings, ChannelHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** The brand account's DID, which is the {@code account} of every Bluesky message. */
    public String did() {
        return session().did();
    }

    public JsonNode query(String method, Map<String, String> params, boolean chat) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call("GET", method + (query.isEmpty() ? "" : "?" + query), null, chat);
    }

    public JsonNode procedure(String method, Object body, boolean chat) {
        return call("POST", method, body, chat);
    }

    private JsonNode call(String httpMethod, String methodAndQuery, Object body, boolean chat) {
        HttpAnswer response = send(httpMethod, methodAndQuery, body, chat, session().accessJwt());
        if (response.statusCode() == 401) {
            synchronized (this) {
                session = null;
            }
            response = send(httpMethod, methodAndQuery, body, chat, session().accessJwt());
        }
        return answer(methodAndQuery, response);
    }

    private HttpAnswer send(String httpMethod, String methodAndQuery, Object body, boolean chat, String token) {
        RestClient.RequestBodySpec request = http.client(settings.timeout()).method(HttpMethod.valueOf(httpMethod))
                .uri(URI.create(settings.serviceUrl() + "/xrpc/" + methodAndQuery)).accept(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (chat) {
            request.header("atproto-proxy", settings.chatProxy());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(http.toJson(body));
        }
        return http.send(request, "Bluesky " + name(methodAndQuery));
    }

    private JsonNode answer(String methodAndQuery, HttpAnswer response) {
        int status = response.statusCode();
        JsonNode body = http.parse(response.body());
        if (status >= 200 && status < 300) {
            return body;
        }
        String what = "Bluesky " + name(methodAndQuery) + " answered " + status + " "
                + body.path("error").asText("") + ": " + body.path("message").asText("");
        if (status == 429 || status >= 500) {
            throw new ChannelUnavailable(what, rateLimitReset(response));
        }
        throw new ChannelRefused(what);
    }

    private Duration rateLimitReset(HttpAnswer response) {
        return response.header("ratelimit-reset").filter(v -> v.matches("\\d+"))
                .map(v -> Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(v))))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait).orElse(null);
    }

    /** The current session: made at first use, refreshed ahead of its expiry, made anew when refreshing fails. */
    private synchronized Session session() {
        if (!settings.configured()) {
            throw new ChannelRefused("Bluesky is not configured: set bluebird.bluesky.identifier and .app-password");
        }
        Instant now = clock.instant();
        if (session != null && now.isBefore(session.expiresAt().minus(REFRESH_AHEAD))) {
            return session;
        }
        if (session != null) {
            HttpAnswer refreshed = send("POST", "com.atproto.server.refreshSession", null, false,
                    session.refreshJwt());
            if (refreshed.statusCode() == 200) {
                session = sessionOf(http.parse(refreshed.body()));
                log.info("Bluesky session of {} refreshed", session.did());
                return session;
            }
            log.warn("Bluesky refused to refresh the session ({}): logging in again", refreshed.statusCode());
        }
        HttpAnswer created = send("POST", "com.atproto.server.createSession",
                Map.of("identifier", settings.identifier(), "password", settings.appPassword()), false, null);
        if (created.statusCode() != 200) {
            session = null;
            JsonNode error = http.parse(created.body());
            String what = "Bluesky refused the app password of " + settings.identifier() + ": " + created.statusCode()
                    + " " + error.path("error").asText("") + " " + error.path("message").asText("");
            throw created.statusCode() >= 500 || created.statusCode() == 429
                    ? new ChannelUnavailable(what, rateLimitReset(created)) : new ChannelRefused(what);
        }
        session = sessionOf(http.parse(created.body()));
        log.info("Bluesky session created for {}", session.did());
        return session;
    }

    private record Session(String did, String accessJwt, String refreshJwt, Instant expiresAt) {
    }

    /** The session of a createSession or refreshSession answer; it expires at the access token's own {@code exp}. */
    private Session sessionOf(JsonNode answer) {
        String access = answer.path("accessJwt").asText();
        String[] parts = access.split("\\.");
        long exp = 0;
        if (parts.length == 3) {
            try {
                exp = http.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                        .path("exp").asLong(0);
            } catch (IllegalArgumentException notBase64) {
                exp = 0;
            }
        }
        Instant expires = exp > 0 ? Instant.ofEpochSecond(exp) : clock.instant().plus(Duration.ofHours(2));
        return new Session(answer.path("did").asText(), access, answer.path("refreshJwt").asText(), expires);
    }

    private static String name(String methodAndQuery) {
        int q = methodAndQuery.indexOf('?');
        return q < 0 ? methodAndQuery : methodAndQuery.substring(0, q);
    }
}
