package io.bluebird.channel.x;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.channel.ChannelHttp;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.client.HttpAnswer;
import io.bluebird.http.JsonFields;
import io.bluebird.http.JsonRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brand account's OAuth 2.0 user-context access token. X rotates the refresh token on every refresh, so the
 * newest one lives in the database (the configured one only seeds it), and a refresh holds that row's lock: one
 * refresh at a time, across threads and hubs. A refused refresh token is reported once, in the log and in
 * {@code /actuator/health} (component {@code x}, {@link XHealth}), and no further refresh is tried until an admin
 * authorizes again.
 */
@Component("xTokens")
public class XTokens {

    private static final Logger log = LoggerFactory.getLogger(XTokens.class);
    private static final Duration RENEW_AHEAD = Duration.ofMinutes(2);
    /** What x_token.refresh_token keeps; X's are about a hundred characters. */
    private static final int MAX_REFRESH_TOKEN = 1024;

    private final XSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ChannelHttp http;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt = Instant.EPOCH;
    private volatile String revoked;

    public XTokens(XSettings settings, JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json,
                   ChannelHttp http, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.http = http;
        this.clock = clock;
    }

    public synchronized String accessToken() {
        if (revoked != null) {
            throw new XAuthorizationRevoked(revoked);
        }
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(RENEW_AHEAD))) {
            transactions.executeWithoutResult(status -> refresh());
        }
        return accessToken;
    }

    /** X said 401 to the current access token: the next call refreshes. */
    public synchronized void expire() {
        accessToken = null;
    }

    /**
     * {@code {"refreshToken": "…"}} from the brand account's new OAuth consent: stored, and sending as the brand
     * may resume.
     */
    public synchronized void authorize(byte[] body) {
        String refreshToken = JsonFields.id(JsonRequests.object(json, body, "{\"refreshToken\": \"…\"}")
                .get("refreshToken"), "refreshToken", MAX_REFRESH_TOKEN).strip();
        transactions.executeWithoutResult(status -> store(refreshToken));
        accessToken = null;
        revoked = null;
        log.info("X: a new refresh token was stored for account {}", settings.accountId());
    }

    /** Why sending as the brand is stopped, or null while it is not. */
    public String revoked() {
        return revoked;
    }

    private void refresh() {
        if (!XSettings.isSet(settings.clientId()) || !XSettings.isSet(settings.accountId())) {
            throw new XAuthorizationRevoked("X is not configured: set bluebird.x.account-id, .client-id,"
                    + " .client-secret and .refresh-token");
        }
        String current = jdbc.queryForList("select refresh_token from x_token where account = ? for update",
                String.class, settings.accountId()).stream().findFirst().orElse(null);
        if (current == null) {
            if (!XSettings.isSet(settings.refreshToken())) {
                throw refused("no refresh token: set bluebird.x.refresh-token or POST /api/admin/x/authorize");
            }
            current = settings.refreshToken().strip();
            store(current);
        }
        HttpAnswer response = post("grant_type=refresh_token&refresh_token=" + encode(current)
                + "&client_id=" + encode(settings.clientId()));
        JsonNode answer = http.parse(response.body());
        if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
            accessToken = answer.path("access_token").asText();
            expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(7200));
            if (answer.hasNonNull("refresh_token")) {
                store(answer.path("refresh_token").asText());
            }
            log.info("X: access token of account {} renewed, valid {} s", settings.accountId(),
                    answer.path("expires_in").asLong(7200));
            return;
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw refused("X refused the refresh token (" + response.statusCode() + " "
                    + answer.path("error").asText("") + "): authorize the brand account again and send the new"
                    + " refresh token to POST /api/admin/x/authorize");
        }
        throw new ChannelUnavailable("X token endpoint answered " + response.statusCode(), null);
    }

    private XAuthorizationRevoked refused(String why) {
        revoked = why;
        log.error("X sending stopped for account {}: {}", settings.accountId(), why);
        return new XAuthorizationRevoked(why);
    }

    private void store(String refreshToken) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        if (jdbc.update("update x_token set refresh_token = ?, updated_at = ? where account = ?", refreshToken, now,
                settings.accountId()) == 0) {
            jdbc.update("insert into x_token (account, refresh_token, updated_at) values (?, ?, ?)",
                    settings.accountId(), refreshToken, now);
        }
    }

    private HttpAnswer post(String form) {
        String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":"
                + (settings.clientSecret() == null ? "" : settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        return http.send(http.client(settings.timeout()).post()
                .uri(URI.create(settings.apiBaseUrl() + "/2/oauth2/token"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Authorization", "Basic " + basic)
                .body(form), "X POST /2/oauth2/token");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
