package io.bluebird.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Guards the hub's own API: {@code Authorization: Bearer <bluebird.api.token>}. */
@Component("apiToken")
public class ApiToken {

    private final byte[] expected;

    public ApiToken(@Value("${bluebird.api.token:}") String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Passes a request with the right bearer token; refuses any other with 401. */
    public void check(String authorization) {
        if (expected.length == 0) {
            throw new RequestRejected(401, "the hub's API is disabled: set bluebird.api.token");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RequestRejected(401, "missing bearer token: send Authorization: Bearer <bluebird.api.token>");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new RequestRejected(401, "wrong bearer token");
        }
    }
}
