package io.bluebird.client;

import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * What a peer answered a call of the hub's: status, headers and the body as text (empty when there was none);
 * {@code call} names the call as its caller did ("zendesk: POST /api/v2/tickets.json"), for errors.
 */
public record HttpAnswer(String call, int statusCode, HttpHeaders headers, String body) {

    public HttpAnswer {
        headers = HttpHeaders.readOnlyHttpHeaders(headers);
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** 5xx, 429 (too many requests) and 408 (request timeout): the peer may take the same call later. */
    public boolean isTemporaryFailure() {
        return statusCode >= 500 || statusCode == 429 || statusCode == 408;
    }

    /** The header's first value, stripped. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name)).map(String::strip);
    }
}
