package io.bluebird.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.api}: who may call the hub's own API ({@link ApiToken}).
 *
 * @param token The bearer token callers of /api/* send (Authorization: Bearer &lt;token&gt;); empty, with no
 *     token-file either, the API answers 401 to everyone. A secret.
 * @param tokenFile A file of tokens, one a line (# starts a comment), read again within a second of a change: a
 *     token is rotated without a restart, the new one and the old one in the file while callers move over.
 */
@ConfigurationProperties("bluebird.api")
public record ApiSettings(String token, String tokenFile) {

    public ApiSettings {
        token = token == null ? "" : token;
        tokenFile = tokenFile == null ? "" : tokenFile;
    }

    /** Without the token: a record's own toString would put it wherever the settings are logged. */
    @Override
    public String toString() {
        return "ApiSettings[token=" + (token.isEmpty() ? "" : "(set)") + ", tokenFile=" + tokenFile + "]";
    }
}
