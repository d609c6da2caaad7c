package io.bluebird.crm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The CRM's own database: the configured query, with the named parameters {@code :channel}, {@code :handle} and
 * {@code :id}, and the first row's columns mapped by {@code fields}. List columns hold JSON arrays. Lookups share a
 * small pool of connections (HikariCP), which {@link #close} closes.
 */
final class JdbcCrm implements AutoCloseable {

    private final HikariDataSource pool;
    private final NamedParameterJdbcTemplate jdbc;
    private final CrmSettings settings;
    private final ObjectMapper json;

    JdbcCrm(CrmSettings settings, ObjectMapper json) {
        CrmSettings.Jdbc db = settings.jdbc();
        if (db.url() == null || db.query() == null) {
            throw new IllegalStateException("bluebird.crm.type is jdbc: set bluebird.crm.jdbc.url and .query");
        }
        HikariConfig pooled = new HikariConfig();
        pooled.setPoolName("crm");
        pooled.setJdbcUrl(db.url());
        pooled.setUsername(db.username());
        pooled.setPassword(db.password());
        // the hub starts while the CRM's database is down: its lookups fail, and tickets go on tagged crm-unavailable
        pooled.setInitializationFailTimeout(-1);
        // one connection kept open, more (up to ten) only while lookups overlap; the CRM's database is not ours
        pooled.setMinimumIdle(1);
        // a lookup waits for a connection no longer than it may take in all (HikariCP's floor is 250 ms)
        pooled.setConnectionTimeout(Math.max(250, settings.timeout().toMillis()));
        this.pool = new HikariDataSource(pooled);
        this.jdbc = new NamedParameterJdbcTemplate(pool);
        jdbc.getJdbcTemplate().setQueryTimeout((int) Math.max(1, settings.timeout().toSeconds()));
        this.settings = settings;
        this.json = json;
    }

    CrmRecord find(Customer customer) {
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList(settings.jdbc().query(), new MapSqlParameterSource()
                    .addValue("channel", customer.channel())
                    .addValue("handle", customer.handle())
                    .addValue("id", customer.id()));
        } catch (DataAccessException e) {
            throw new CrmUnavailable("CRM query failed: " + e.getMostSpecificCause().getMessage(), e);
        }
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        return CrmFields.record(settings.fields(), column -> column == null ? null : value(row, column));
    }

    @Override
    public void close() {
        pool.close();
    }

    private Object value(Map<String, Object> row, String column) {
        Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value instanceof String text && text.strip().startsWith("[")) {
            try {
                return json.readValue(text, List.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return value;
    }
}
