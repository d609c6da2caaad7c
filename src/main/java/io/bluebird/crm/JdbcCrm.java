package io.bluebird.crm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The CRM's own database: the configured query, with the named parameters {@code :channel}, {@code :handle} and
 * {@code :id}, and the first row's columns mapped by {@code fields}. List columns hold JSON arrays.
 */
final class JdbcCrm {

    private final NamedParameterJdbcTemplate jdbc;
    private final CrmSettings settings;
    private final ObjectMapper json;

    JdbcCrm(CrmSettings settings, ObjectMapper json) {
        CrmSettings.Jdbc db = settings.jdbc();
        if (db.url() == null || db.query() == null) {
            throw new IllegalStateException("bluebird.crm.type is jdbc: set bluebird.crm.jdbc.url and .query");
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
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
