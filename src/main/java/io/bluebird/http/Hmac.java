package io.bluebird.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, as the channels sign their webhooks and the hub signs its own. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(sha256(secret, data));
    }

    public static String sha256Hex(String secret, byte[] data) {
        return HexFormat.of().formatHex(sha256(secret, data));
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
