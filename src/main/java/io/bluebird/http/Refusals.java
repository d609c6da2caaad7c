package io.bluebird.http;

/**
 * What the hub says about a request refused before any route saw it, by Tomcat (a path or header it will not read)
 * or by Spring's dispatch (no endpoint, the wrong method): the problem details of the hub's own refusals, never an
 * HTML page.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Problem of(int status, String method) {
        String detail = switch (status) {
            case 400 -> "the request cannot be read: a path may not hold an encoded '/' (%2F), '\\' (%5C) or NUL (%00),"
                    + " each '%' begins a two-digit escape, and the request line and headers fit in"
                    + " server.max-http-request-header-size (8KB)";
            case 404 -> "no endpoint at this path: the README and GET /api/openapi.json list the hub's endpoints";
            case 405 -> (method == null ? "this method" : method) + " is not allowed at this path (see Allow)";
            default -> status >= 500 ? "the hub could not take the request now; nothing was kept, send it again"
                    : "the request was refused (" + status + ")";
        };
        // told apart from a 404 of a conversation or dead letter the hub does not know
        return status == 404 ? new Problem(ProblemType.NO_ENDPOINT, status, detail, null)
                : Problem.of(status, detail, null);
    }
}
