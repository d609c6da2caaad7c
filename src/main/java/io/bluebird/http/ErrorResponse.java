package io.bluebird.http;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** The JSON every refused request gets: {@code {"status":400,"error":"Bad Request","message":"…","field":"author.id"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(int status, String error, String message, String field) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ErrorResponse of(int status, String message, String field) {
        return new ErrorResponse(status, reasonPhrase(status), message, field);
    }

    /** The answer's body, for what answers without Camel (the filters, the servlet container). */
    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with this error, for the filters that refuse a request before any route sees it. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json());
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            // the README's names, stable whatever Spring calls them (413 is "Content Too Large" in RFC 9110)
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }
}
