package io.bluebird.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The one writer of every refusal, from the routes, the filters, Spring's dispatch and Tomcat alike. A caller that
 * accepts {@code application/problem+json} gets RFC 9457 problem details: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code field}, and {@code error} and {@code message} (title and detail again) as
 * extension members. Any other caller gets, as {@code application/json}, the shape the hub answered before problem
 * details, {@code status}, {@code error}, {@code message}, {@code field}, which its clients already parse.
 */
public final class ProblemWriter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String LEGACY_JSON = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    /** A refusal as written for a caller that sent this Accept header (or null). */
    public record Answer(int status, String contentType, byte[] body) {
    }

    public static Answer answer(Problem problem, String accept) {
        boolean details = acceptsProblemDetails(accept);
        ObjectNode body = JSON.createObjectNode();
        if (details) {
            body.put("type", problem.type().uri());
            body.put("title", problem.title());
        }
        body.put("status", problem.status());
        if (details) {
            body.put("detail", problem.detail());
        }
        body.put("error", problem.title());
        body.put("message", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        try {
            return new Answer(problem.status(), details ? PROBLEM_JSON : LEGACY_JSON, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with this problem, for what refuses a request before any route sees it (the filters). */
    public static void writeTo(Problem problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Answer answer = answer(problem, request.getHeader("Accept"));
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.getOutputStream().write(answer.body());
    }

    /** Whether the caller named problem+json; a wildcard does not count, so clients written before keep their JSON. */
    static boolean acceptsProblemDetails(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && "application".equalsIgnoreCase(type.getType())
                    && "problem+json".equalsIgnoreCase(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
