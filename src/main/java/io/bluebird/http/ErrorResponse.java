package io.bluebird.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON every refused request gets: {@code {"status":400,"error":"Bad Request","message":"…","field":"author.id"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(int status, String error, String message, String field) {
}
