package io.bluebird.http;

/**
 * A request the hub refuses, with the HTTP status and the reason the caller gets back as JSON.
 * Thrown before anything reaches a queue; the routes' {@code http-errors} configuration turns it into the answer.
 */
public class RequestRejected extends RuntimeException {

    private final int status;
    private final String field;

    public RequestRejected(int status, String message) {
        this(status, message, null);
    }

    public RequestRejected(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RequestRejected badRequest(String field, String message) {
        return new RequestRejected(400, message, field);
    }

    public int getStatus() {
        return status;
    }

    /** The JSON body of the answer. */
    public ErrorResponse getResponse() {
        return ErrorResponse.of(status, getMessage(), field);
    }
}
