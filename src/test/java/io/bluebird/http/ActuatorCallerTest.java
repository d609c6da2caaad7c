package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ActuatorCallerTest {

    @TempDir
    Path dir;

    @Test
    void everyValidTokenMakesAnAuthenticatedCallerAndAnyOtherCallerGoesOnAnonymous() throws Exception {
        Path file = Files.writeString(dir.resolve("api-tokens"), "new-token\nold-token\n");
        ActuatorCaller filter = new ActuatorCaller(new ApiToken("configured", file.toString(), Duration.ZERO));

        assertThat(principalSeenBehind(filter, "Bearer configured")).isEqualTo(ActuatorCaller.API_TOKEN_HOLDER);
        assertThat(principalSeenBehind(filter, "Bearer new-token")).isEqualTo(ActuatorCaller.API_TOKEN_HOLDER);
        assertThat(principalSeenBehind(filter, "Bearer old-token")).as("both tokens of a rotation")
                .isEqualTo(ActuatorCaller.API_TOKEN_HOLDER);
        assertThat(principalSeenBehind(filter, "Bearer guess")).isNull();
        assertThat(principalSeenBehind(filter, "Basic Y29uZmlndXJlZA==")).isNull();
        assertThat(principalSeenBehind(filter, null)).isNull();
        assertThat(ActuatorCaller.API_TOKEN_HOLDER.getName()).isEqualTo("api-token");
    }

    @Test
    void aClosedApiAuthenticatesNobody() throws Exception {
        assertThat(principalSeenBehind(new ActuatorCaller(new ApiToken(new ApiSettings("", ""))), "Bearer ")).isNull();
    }

    /** The principal the actuator sees behind the filter; the request always goes on (200 from the chain). */
    private static Principal principalSeenBehind(ActuatorCaller filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        return ((HttpServletRequest) chain.getRequest()).getUserPrincipal();
    }
}
