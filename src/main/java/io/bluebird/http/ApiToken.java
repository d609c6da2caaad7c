package io.bluebird.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Guards the hub's own API: {@code Authorization: Bearer <token>}, where the token is {@code bluebird.api.token} or
 * any line of {@code bluebird.api.token-file}. The file is read again at most once a {@code reread} (a second), so
 * a token is rotated without a restart: the new one and the old one in the file while callers move over, then the
 * new one alone.
 */
@Component("apiToken")
public class ApiToken {

    private static final Logger log = LoggerFactory.getLogger(ApiToken.class);

    private final byte[] configured;
    private final Path file;
    private final long rereadNanos;
    private volatile List<byte[]> fromFile;
    private volatile long readAt;
    private volatile boolean unreadable;

    @Autowired
    public ApiToken(ApiSettings api) {
        this(api.token(), api.tokenFile(), Duration.ofSeconds(1));
    }

    ApiToken(String token, String file, Duration reread) {
        this.configured = token.strip().getBytes(StandardCharsets.UTF_8);
        this.file = file.isBlank() ? null : Path.of(file);
        this.rereadNanos = reread.toNanos();
        if (this.file != null) {
            try {
                fromFile = read(this.file);
            } catch (IOException e) {
                throw new IllegalStateException("bluebird.api.token-file " + file + " cannot be read: " + e, e);
            }
            readAt = System.nanoTime();
        }
    }

    /** Passes a request with a valid bearer token; refuses any other with 401. */
    public void check(String authorization) {
        List<byte[]> valid = valid();
        if (valid.isEmpty()) {
            throw new RequestRejected(401, "the hub's API is disabled: set bluebird.api.token or bluebird.api.token-file");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RequestRejected(401, "missing bearer token: send Authorization: Bearer <bluebird.api.token>");
        }
        if (!matches(authorization, valid)) {
            throw new RequestRejected(401, "wrong bearer token");
        }
    }

    /** Whether a request carries a valid bearer token; for where a caller without one still gets an answer. */
    public boolean accepts(String authorization) {
        List<byte[]> valid = valid();
        return !valid.isEmpty() && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization, valid);
    }

    private static boolean matches(String authorization, List<byte[]> valid) {
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        for (byte[] token : valid) {
            // every token compared, in constant time: how long a refusal takes says nothing about either
            matches |= MessageDigest.isEqual(token, given);
        }
        return matches;
    }

    private List<byte[]> valid() {
        List<byte[]> valid = new ArrayList<>();
        if (configured.length > 0) {
            valid.add(configured);
        }
        if (file != null) {
            valid.addAll(fromFile());
        }
        return valid;
    }

    private List<byte[]> fromFile() {
        long now = System.nanoTime();
        if (now - readAt >= rereadNanos) {
            readAt = now;
            try {
                List<byte[]> tokens = read(file);
                if (!sameTokens(tokens, fromFile)) {
                    // the count, never a token: enough for an operator to see a rotation taken up
                    log.info("bluebird.api.token-file {} changed: {} token(s) valid", file, tokens.size());
                }
                fromFile = tokens;
                unreadable = false;
            } catch (IOException e) {
                // a file being replaced, or gone by mistake: the tokens last read stay valid, rather than lock out
                if (!unreadable) {
                    log.warn("bluebird.api.token-file {} cannot be read ({}): the tokens read before stay valid", file,
                            e.getClass().getSimpleName());
                }
                unreadable = true;
            }
        }
        return fromFile;
    }

    private static boolean sameTokens(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** One token a line; blank lines and lines starting with # are not tokens. */
    private static List<byte[]> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
