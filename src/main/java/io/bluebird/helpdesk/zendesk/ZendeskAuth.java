package io.bluebird.helpdesk.zendesk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.client.HttpAnswer;
import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.HelpdeskRejected;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.ZendeskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code Authorization} header for a Zendesk helpdesk. OAuth 2.0 client credentials
 * ({@code POST /oauth/tokens}): the token is cached, renewed a minute before it expires and on demand after a 401.
 * One token request per helpdesk at a time, made outside any lock of the map: the other callers for that helpdesk wait
 * for its answer (or its failure), callers for other helpdesks do not wait. A legacy API token
 * ({@code {email}/token:{api-token}}) is used only where no client is configured. Neither is ever logged.
 */
@Component
public class ZendeskAuth {

    private static final Logger log = LoggerFactory.getLogger(ZendeskAuth.class);
    private static final Duration RENEW_EARLY = Duration.ofSeconds(60);

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;
    private final ObjectMapper json;
    private final Clock clock;
    /** Per helpdesk, its token, or the request for one under way; a failed request is removed before it completes. */
    private final Map<String, CompletableFuture<Token>> tokens = new ConcurrentHashMap<>();

    public ZendeskAuth(HelpdeskConfig config, HttpHelpdeskClient http, ObjectMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    public String authorization(String helpdesk) {
        ZendeskSettings settings = config.helpdesk(helpdesk, ZendeskSettings.class);
        if (settings.hasOAuthClient()) {
            return "Bearer " + token(helpdesk, settings).value();
        }
        if (settings.hasApiToken()) {
            String basic = settings.email() + "/token:" + settings.apiToken();
            return "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
        }
        throw new HelpdeskRejected(helpdesk + ": no credentials: set bluebird.helpdesks." + helpdesk
                + ".client-id and .client-secret");
    }

    /** Forgets the cached token, after Zendesk refused it with a 401; a request under way brings a new one anyway. */
    public void renew(String helpdesk) {
        tokens.computeIfPresent(helpdesk, (name, cached) -> cached.isDone() ? null : cached);
    }

    private Token token(String helpdesk, ZendeskSettings settings) {
        CompletableFuture<Token> mine = new CompletableFuture<>();
        CompletableFuture<Token> current = tokens.compute(helpdesk, (name, cached) ->
                cached != null && (!cached.isDone() || clock.instant().isBefore(cached.join().renewAt())) ? cached
                        : mine);
        if (current == mine) {
            try {
                Token token = fetch(helpdesk, settings);
                mine.complete(token);
                return token;
            } catch (RuntimeException | Error e) {
                tokens.remove(helpdesk, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return current.join();
        } catch (CompletionException e) {
            // the request this caller waited for failed: so does this call, with the same reason
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private Token fetch(String helpdesk, ZendeskSettings settings) {
        String request = json.createObjectNode()
                .put("grant_type", "client_credentials")
                .put("client_id", settings.clientId())
                .put("client_secret", settings.clientSecret())
                .put("scope", "read write")
                .toString();
        HttpAnswer response = HttpHelpdeskClient.expectSuccess(http.send(helpdesk, "POST",
                URI.create(settings.baseUrl() + "/oauth/tokens"), Map.of(), request, settings.timeout()));
        try {
            JsonNode answer = json.readTree(response.body());
            String token = answer.path("access_token").asText(null);
            if (token == null) {
                throw new HelpdeskRejected(helpdesk + ": the token answer has no access_token");
            }
            long expiresIn = answer.path("expires_in").asLong(0);
            Instant renewAt = expiresIn <= 0 ? Instant.MAX
                    : clock.instant().plusSeconds(expiresIn - Math.min(RENEW_EARLY.toSeconds(), expiresIn / 2));
            log.info("{}: got a Zendesk OAuth token valid for {} s", helpdesk, expiresIn > 0 ? expiresIn : "unlimited");
            return new Token(token, renewAt);
        } catch (JsonProcessingException e) {
            throw new HelpdeskRejected(helpdesk + ": the token answer is not JSON");
        }
    }

    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }
}
