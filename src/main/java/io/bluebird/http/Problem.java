package io.bluebird.http;

/**
 * What the hub says about a request it refuses, as RFC 9457 problem details: the kind of problem, the status, what
 * is wrong in words ({@code detail}) and, where one field is wrong, which ({@code field}, as {@code author.id}).
 * {@link ProblemWriter} writes it.
 */
public record Problem(ProblemType type, int status, String detail, String field) {

    public static Problem of(int status, String detail, String field) {
        return new Problem(ProblemType.of(status, field), status, detail, field);
    }

    public String title() {
        return type.title(status);
    }
}
