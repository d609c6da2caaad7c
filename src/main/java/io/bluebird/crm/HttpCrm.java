package io.bluebird.crm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import io.bluebird.client.HttpAnswer;
import io.bluebird.client.OutboundHttp;
import io.bluebird.client.PeerUnreachable;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The generic CRM lookup over HTTP: {@code GET {base-url}/customers?channel=x&handle=jdoe&id=3805104374}. */
final class HttpCrm {

    private static final Configuration LENIENT = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final CrmSettings settings;
    private final OutboundHttp http;

    HttpCrm(CrmSettings settings, OutboundHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** The customer's record, or null when the CRM does not know them (404). */
    CrmRecord find(Customer customer) {
        URI uri = URI.create(settings.baseUrl() + "/customers?channel=" + encode(customer.channel())
                + "&handle=" + encode(customer.handle()) + "&id=" + encode(customer.id()));
        RestClient.RequestHeadersSpec<?> request = http.timingOutAfter(settings.timeout()).get().uri(uri)
                .accept(MediaType.APPLICATION_JSON);
        if (settings.bearerToken() != null && !settings.bearerToken().isBlank()) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        HttpAnswer response;
        try {
            response = http.send(request, "CRM lookup");
        } catch (PeerUnreachable e) {
            throw new CrmUnavailable(e.getMessage(), e);
        }
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new CrmUnavailable("CRM answered " + response.statusCode(), null);
        }
        try {
            DocumentContext json = JsonPath.using(LENIENT).parse(response.body());
            return CrmFields.record(settings.fields(), path -> path == null ? null : json.read(path));
        } catch (RuntimeException e) {
            throw new CrmUnavailable("CRM answer is not JSON", e);
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
