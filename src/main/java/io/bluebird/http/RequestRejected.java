package io.bluebird.http;

/**
 * A request the hub refuses, with the HTTP status and the reason the caller gets back as problem details.
 * Thrown before anything reaches a queue; the routes' {@code http-errors} configuration turns it into the answer.
 */
public class RequestRejected extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final String field;

    public RequestRejected(int status, String message) {
        this(status, message, null);
    }

    public RequestRejected(int status, String message, String field) {
        this(ProblemType.of(status, field), status, message, field);
    }

    /** A refusal of a kind more specific than its status says (a conflict, say). */
    public RequestRejected(ProblemType type, int status, String message) {
        this(type, status, message, null);
    }

    private RequestRejected(ProblemType type, int status, String message, String field) {
        super(message);
        this.type = type;
        this.status = status;
        this.field = field;
    }

    public static RequestRejected badRequest(String field, String message) {
        return new RequestRejected(400, message, field);
    }

    public int getStatus() {
        return status;
    }

    /** What the caller is told, written by {@link ProblemWriter}. */
    public Problem getResponse() {
        return new Problem(type, status, getMessage(), field);
    }
}
