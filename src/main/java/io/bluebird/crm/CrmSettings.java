package io.bluebird.crm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.bluebird.breaker.BreakerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code bluebird.crm}: where the customer's CRM record comes from. {@code type} none (no CRM), http (the generic
 * lookup {@code GET {base-url}/customers?channel=&handle=&id=}) or jdbc (a query on the CRM's database); unset, it is
 * http when {@code base-url} is set (the one CRM key DESIGN.md names) and none otherwise. {@code fields}
 * maps each CRM field (customerId, name, email, phone, vip, tier, recentOrders, openIssues) to a JSONPath into the
 * HTTP answer, or to a column of the query's first row.
 *
 * @param type Where the customer's CRM record comes from: none, http or jdbc; empty: http when base-url is set,
 *     otherwise none.
 * @param baseUrl The http CRM: GET {base-url}/customers?channel=&handle=&id=.
 * @param bearerToken Sent as Authorization: Bearer <token> to the http CRM, when set. A secret.
 * @param timeout How long a lookup may take before the ticket goes on without the record (default 2s).
 * @param cacheTtl How long a CRM answer (found, unknown, or unavailable) is reused (default 1h).
 * @param reEnrich true: after a failed lookup, every message asks again until the CRM answers (default false).
 * @param fields Where each field (customerId, name, email, phone, vip, tier, recentOrders, openIssues) is in the
 *     answer: a JSONPath (http) or a column (jdbc).
 * @param jdbc The jdbc CRM's database and query.
 * @param circuitBreaker When the CRM is not asked at all, after it kept failing: tickets go on at once, tagged
 *     crm-unavailable, instead of each waiting out the timeout.
 */
@ConfigurationProperties("bluebird.crm")
public record CrmSettings(
        String type,
        String baseUrl,
        String bearerToken,
        Duration timeout,
        Duration cacheTtl,
        boolean reEnrich,
        Map<String, String> fields,
        Jdbc jdbc,
        @NestedConfigurationProperty BreakerSettings circuitBreaker) {

    static final Map<String, String> HTTP_FIELDS = Map.of(
            "customerId", "$.id", "name", "$.name", "email", "$.email", "phone", "$.phone", "vip", "$.vip",
            "tier", "$.tier", "recentOrders", "$.recentOrders", "openIssues", "$.openIssues");
    static final Map<String, String> JDBC_FIELDS = Map.of(
            "customerId", "id", "name", "name", "email", "email", "phone", "phone", "vip", "vip", "tier", "tier",
            "recentOrders", "recent_orders", "openIssues", "open_issues");

    public CrmSettings {
        boolean url = baseUrl != null && !baseUrl.isBlank();
        if ("none".equals(type) && url) {
            throw new IllegalStateException("bluebird.crm.base-url is set but bluebird.crm.type is none: set"
                    + " bluebird.crm.type to http (or leave it unset) to use that CRM, or remove the base URL");
        }
        type = type == null || type.isBlank() ? (url ? "http" : "none") : type;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        cacheTtl = cacheTtl == null ? Duration.ofHours(1) : cacheTtl;
        Map<String, String> all = new LinkedHashMap<>("jdbc".equals(type) ? JDBC_FIELDS : HTTP_FIELDS);
        if (fields != null) {
            all.putAll(fields);
        }
        fields = Map.copyOf(all);
        jdbc = jdbc == null ? new Jdbc(null, null, null, null) : jdbc;
        circuitBreaker = circuitBreaker == null ? BreakerSettings.defaults() : circuitBreaker;
    }

    public boolean enabled() {
        return !"none".equals(type);
    }

    /**
     * The CRM's database and the query that finds a customer by :channel, :handle and :id.
     *
     * @param url The CRM database's JDBC URL.
     * @param username Its user.
     * @param password Its password. A secret.
     * @param query The query, with the named parameters :channel, :handle and :id; the first row is the customer.
     */
    public record Jdbc(String url, String username, String password, String query) {
    }
}
