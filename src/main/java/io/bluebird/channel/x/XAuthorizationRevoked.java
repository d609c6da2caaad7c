package io.bluebird.channel.x;

/**
 * X refused the brand account's refresh token (revoked, expired, or used by someone else): nothing sent as the
 * brand can succeed until an admin authorizes again, so the X outbound stops instead of retrying.
 */
public class XAuthorizationRevoked extends RuntimeException {

    public XAuthorizationRevoked(String message) {
        super(message);
    }
}
