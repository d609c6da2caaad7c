package io.bluebird.http;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the hub answers with (RFC 9457 {@code type}), each a stable URI a client can switch on, and
 * its title. What HTTP's own status says well enough is {@code about:blank}, titled with the status' reason.
 */
public enum ProblemType {
    INVALID_FIELD("invalid-field", "Bad Request"),
    MALFORMED_REQUEST("malformed-request", "Bad Request"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    NOT_FOUND("not-found", "Not Found"),
    NO_ENDPOINT("no-endpoint", "Not Found"),
    DEAD_LETTER_WITHOUT_QUEUE("dead-letter-without-queue", "Dead letter without its queue"),
    BODY_TOO_LARGE("body-too-large", "Payload Too Large"),
    NOT_JSON("not-json", "Unsupported Media Type"),
    UNAVAILABLE("unavailable", "Service Unavailable"),
    ABOUT_BLANK(null, null);

    /** Where the kinds are named; the README's "Problem details" lists them. */
    public static final String BASE = "https://bluebird.example/problems/";

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** The kind a refusal of this status is when nothing more specific was said. */
    public static ProblemType of(int status, String field) {
        return switch (status) {
            case 400 -> field == null ? MALFORMED_REQUEST : INVALID_FIELD;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> NOT_JSON;
            case 503 -> UNAVAILABLE;
            default -> ABOUT_BLANK;
        };
    }

    public String uri() {
        return slug == null ? "about:blank" : BASE + slug;
    }

    public String title(int status) {
        return title != null ? title : reasonPhrase(status);
    }

    private static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
