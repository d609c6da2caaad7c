package io.bluebird.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.client.OutboundHttp;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The two CRM forms against real peers: an HTTP CRM with its own JSON shape, and a CRM database. */
class CrmLookupTest {

    private static final Customer JANE = new Customer("x", "3805104374", "jdoe", "Jane Doe", 10L, null);

    private final WireMockServer crm = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        crm.start();
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void aCrmWithItsOwnJsonShapeIsMappedByJsonPath() {
        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(okJson("""
                {"data": {"id": 42, "attributes": {"full_name": "Jane Doe", "emails": ["jane@example.com"],
                  "segment": {"vip": "yes", "level": "Gold"}}},
                 "orders": [1001, 1002], "tickets": [{"id": "T-9", "status": "open"}]}""")));
        CrmSettings settings = new CrmSettings("http", crm.baseUrl(), "crm-token", Duration.ofSeconds(2), null, false,
                Map.of("customerId", "$.data.id", "name", "$.data.attributes.full_name",
                        "email", "$.data.attributes.emails[0]", "vip", "$.data.attributes.segment.vip",
                        "tier", "$.data.attributes.segment.level", "recentOrders", "$.orders",
                        "openIssues", "$.tickets"), null, null);

        CrmRecord record = crm(settings).find(JANE);

        assertThat(record.customerId()).isEqualTo("42");
        assertThat(record.name()).isEqualTo("Jane Doe");
        assertThat(record.email()).isEqualTo("jane@example.com");
        assertThat(record.phone()).isNull();
        assertThat(record.vip()).isTrue();
        assertThat(record.tier()).isEqualTo("Gold");
        assertThat(record.recentOrders()).extracting(o -> o.get("id")).containsExactly(1001, 1002);
        assertThat(record.openIssues()).extracting(i -> i.get("id")).containsExactly("T-9");
        crm.verify(getRequestedFor(urlPathEqualTo("/customers")).withQueryParam("channel", equalTo("x"))
                .withQueryParam("handle", equalTo("jdoe")).withQueryParam("id", equalTo("3805104374"))
                .withHeader("Authorization", equalTo("Bearer crm-token")));
    }

    @Test
    void unknownIsNullAndAFailureIsUnavailable() {
        CrmSettings settings = new CrmSettings("http", crm.baseUrl(), null, Duration.ofSeconds(2), null, false,
                null, null, null);
        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(aResponse().withStatus(404)));
        assertThat(crm(settings).find(JANE)).isNull();

        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> crm(settings).find(JANE)).isInstanceOf(CrmUnavailable.class)
                .hasMessageContaining("502");
    }

    @Test
    void aLookupEndsWithinTheTimeoutEvenWhileTheAnswerTrickles() {
        // headers at once, the body over 5 s: the process route has no timeout of its own around the lookup
        crm.stubFor(get(urlPathEqualTo("/customers")).willReturn(okJson("{\"id\": \"C-1\", \"name\": \"Jane Doe\"}")
                .withChunkedDribbleDelay(5, 5_000)));
        CrmSettings settings = new CrmSettings("http", crm.baseUrl(), null, Duration.ofMillis(500), null, false,
                null, null, null);

        long start = System.nanoTime();
        assertThatThrownBy(() -> crm(settings).find(JANE)).isInstanceOf(CrmUnavailable.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void aBaseUrlAloneMeansTheHttpCrmAndNoneWithABaseUrlStopsTheStartUp() {
        assertThat(new CrmSettings(null, crm.baseUrl(), null, null, null, false, null, null, null).type())
                .isEqualTo("http");
        assertThat(new CrmSettings("", null, null, null, null, false, null, null, null).enabled()).isFalse();
        assertThat(new CrmSettings("jdbc", crm.baseUrl(), null, null, null, false, null, null, null).type())
                .isEqualTo("jdbc");
        assertThatThrownBy(() -> new CrmSettings("none", crm.baseUrl(), null, null, null, false, null, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bluebird.crm.type");
    }

    @Test
    void aCrmDatabaseIsQueriedWithTheCustomersIdentity() {
        String url = "jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        db.execute("""
                create table contacts (contact_id varchar(20), display_name varchar(100), mail varchar(100),
                                       x_user_id varchar(30), is_vip boolean, plan varchar(20), orders varchar(1000))""");
        db.update("insert into contacts values ('K-7', 'Jane Doe', 'jane@example.com', '3805104374', true, 'gold', ?)",
                "[{\"id\": \"O-1\"}]");
        CrmSettings settings = new CrmSettings("jdbc", null, null, Duration.ofSeconds(2), null, false,
                Map.of("customerId", "contact_id", "name", "display_name", "email", "mail", "vip", "is_vip",
                        "tier", "plan", "recentOrders", "orders"),
                new CrmSettings.Jdbc(url, "sa", "", "select * from contacts where x_user_id = :id and :channel = 'x'"),
                null);

        try (JdbcCrm jdbc = new JdbcCrm(settings, new ObjectMapper())) {
            CrmRecord record = jdbc.find(JANE);

            assertThat(record.customerId()).isEqualTo("K-7");
            assertThat(record.email()).isEqualTo("jane@example.com");
            assertThat(record.vip()).isTrue();
            assertThat(record.tier()).isEqualTo("gold");
            assertThat(record.recentOrders()).hasSize(1);
            assertThat(jdbc.find(new Customer("x", "other", "other", null, null, null))).isNull();
        }
    }

    /** H2's SESSION_ID() tells which connection answered: one pooled connection for many lookups, gone once closed. */
    @Test
    void lookupsShareAPooledConnectionThatIsClosedAtTheEnd() {
        String url = "jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        db.execute("create table contacts (x_user_id varchar(30))");
        db.update("insert into contacts values ('3805104374')");
        CrmSettings settings = new CrmSettings("jdbc", null, null, Duration.ofSeconds(2), null, false, null,
                new CrmSettings.Jdbc(url, "sa", "", "select session_id() as id from contacts where x_user_id = :id"),
                null);
        Set<String> sessions = new HashSet<>();

        JdbcCrm jdbc = new JdbcCrm(settings, new ObjectMapper());
        for (int i = 0; i < 20; i++) {
            sessions.add(jdbc.find(JANE).customerId());
        }
        jdbc.close();

        assertThat(sessions).as("20 lookups, one connection").hasSize(1);
        assertThat(db.queryForList("select session_id from information_schema.sessions", String.class))
                .doesNotContainAnyElementsOf(sessions);
    }

    @Test
    void theHubStartsWhileTheCrmDatabaseIsDownAndItsLookupsAreUnavailable() {
        CrmSettings settings = new CrmSettings("jdbc", null, null, Duration.ofMillis(500), null, false, null,
                new CrmSettings.Jdbc("jdbc:h2:tcp://127.0.0.1:1/crm", "sa", "", "select * from contacts"), null);

        try (JdbcCrm jdbc = new JdbcCrm(settings, new ObjectMapper())) {
            assertThatThrownBy(() -> jdbc.find(JANE)).isInstanceOf(CrmUnavailable.class);
        }
    }

    private static HttpCrm crm(CrmSettings settings) {
        return new HttpCrm(settings, OutboundHttp.standalone());
    }
}
