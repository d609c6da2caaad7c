package io.bluebird.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every body the hub takes is JSON. A body declared as something else (curl's default form encoding, say) gets a
 * 415 that says so, instead of being parsed as a form; a body with no Content-Type is read as JSON.
 */
public class JsonBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || isJson(type) || request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.writeTo(Problem.of(415, "send the body as JSON with Content-Type: application/json", null),
                request, response);
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase();
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
