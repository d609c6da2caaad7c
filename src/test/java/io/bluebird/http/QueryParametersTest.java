package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class QueryParametersTest {

    @Test
    void credentialsAndTheRequestsOwnHeadersAreNoQueryParameters() {
        assertThat(QueryParameters.refused(request("Authorization=Bearer%20test-token"))).isEqualTo("Authorization");
        assertThat(QueryParameters.refused(request("a=1&x-twitter-webhooks-signature=sha256%3D"))).isEqualTo(
                "x-twitter-webhooks-signature");
        assertThat(QueryParameters.refused(request("X%2DHub%2DSignature%2D256"))).isEqualTo("X-Hub-Signature-256");
        MockHttpServletRequest withHeader = request("x-request-id=2");
        withHeader.addHeader("X-Request-Id", "1");
        assertThat(QueryParameters.refused(withHeader)).isEqualTo("x-request-id");
    }

    @Test
    void theDoorsOwnParametersAndMalformedNamesPass() {
        assertThat(QueryParameters.refused(request("handle=jdoe&crc_token=abc&hub.mode=subscribe"))).isNull();
        assertThat(QueryParameters.refused(request("%zz=1&="))).isNull();
        assertThat(QueryParameters.refused(request(null))).isNull();
    }

    @Test
    void aRefusalIsTheHubsJsonError() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new QueryParameters().doFilter(request("authorization=x"), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(chain.getRequest()).as("the route never sees it").isNull();
        JsonNode error = new ObjectMapper().readTree(response.getContentAsByteArray());
        assertThat(error.path("field").asText()).isEqualTo("authorization");
        assertThat(error.path("message").asText()).isEqualTo(
                "'authorization' is a header, not a query parameter: credentials go in headers only");
    }

    private static MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/conversations");
        request.setQueryString(query);
        return request;
    }
}
