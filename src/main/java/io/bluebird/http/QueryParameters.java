package io.bluebird.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query parameter that would stand in for a request header. Camel's platform-http puts the query
 * parameters and the headers of a request in one map, so {@code ?Authorization=…} took the place of the
 * Authorization header a door checks; and a credential in a URL is kept by every proxy log and browser history.
 * Credentials go in headers only.
 */
public class QueryParameters extends OncePerRequestFilter {

    /** The headers the doors read credentials from. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "x-twitter-webhooks-signature",
            "x-hub-signature-256", "x-zendesk-webhook-signature", "x-zendesk-webhook-signature-timestamp");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refused(request);
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.writeTo(Problem.of(400, "'" + refused + "' is a header, not a query parameter"
                + (CREDENTIALS.contains(refused.toLowerCase(Locale.ROOT)) ? ": credentials go in headers only" : ""),
                refused), request, response);
    }

    /** The first query parameter named like a credential header or like a header of this request, or null. */
    static String refused(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        Set<String> headers = Set.copyOf(Collections.list(request.getHeaderNames()).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).toList());
        for (String pair : query.split("&")) {
            String name = name(pair);
            String lower = name.toLowerCase(Locale.ROOT);
            if (CREDENTIALS.contains(lower) || headers.contains(lower)) {
                return name;
            }
        }
        return null;
    }

    private static String name(String pair) {
        String raw = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a malformed escape names no header
            return raw;
        }
    }
}
