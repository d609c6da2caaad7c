package io.bluebird.http;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a caller of the actuator with the hub's API token an authenticated one. The hub has no Spring Security:
 * Spring Boot's {@code when-authorized} (health components and details) asks the servlet request for its principal,
 * which this filter gives it. Any other caller, a load balancer's probe above all, stays anonymous and still gets
 * the status: a wrong or missing token is never refused here.
 */
public class ActuatorCaller extends OncePerRequestFilter {

    /** The principal's name; never the token. */
    static final Principal API_TOKEN_HOLDER = () -> "api-token";

    private final ApiToken token;

    public ActuatorCaller(ApiToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!token.accepts(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return API_TOKEN_HOLDER;
            }
        }, response);
    }
}
