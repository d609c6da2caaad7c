package io.bluebird.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An id from a request path as the caller meant it: Camel 4.17's platform-http puts {@code {id}} in its header still
 * percent-encoded (CAMEL-24577, fixed in later versions), so {@code ID%3A5783…} would find nothing. And an id put in
 * the path of a URL the hub calls, encoded as one segment.
 */
public final class PathIds {

    private PathIds() {
    }

    public static String decoded(String raw, String name) {
        try {
            // a '+' in a path is itself, not the space it is in a query string
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest(name, "'" + name + "' in the path is not percent-encoded correctly");
        }
    }

    /** The id as one segment of a URL's path: a channel's id is data, whatever it holds ('/', '?', a space). */
    public static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
