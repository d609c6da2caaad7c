package io.bluebird.crm;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;

/** The generic CRM lookup over HTTP: {@code GET {base-url}/customers?channel=x&handle=jdoe&id=3805104374}. */
final class HttpCrm {

    private static final Configuration LENIENT = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CrmSettings settings;

    HttpCrm(CrmSettings settings) {
        this.settings = settings;
    }

    /** The customer's record, or null when the CRM does not know them (404). */
    CrmRecord find(Customer customer) {
        URI uri = URI.create(settings.baseUrl() + "/customers?channel=" + encode(customer.channel())
                + "&handle=" + encode(customer.handle()) + "&id=" + encode(customer.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").GET();
        if (settings.bearerToken() != null && !settings.bearerToken().isBlank()) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CrmUnavailable("CRM lookup failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailable("CRM lookup interrupted", e);
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
