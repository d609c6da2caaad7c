package io.bluebird.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Customers as channel accounts know them, with their last CRM snapshot; SQL only. */
@Repository
public class CustomerStore {

    static final String FOUND = "found";
    static final String UNKNOWN = "unknown";
    static final String UNAVAILABLE = "unavailable";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CustomerStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The last lookup's outcome for this customer, if any. */
    Optional<Snapshot> snapshot(Identity who) {
        return jdbc.query("select * from customer where channel = ? and account = ? and customer_id = ?",
                this::mapSnapshot, who.channel(), who.account(), who.customerId()).stream().findFirst()
                .filter(s -> s.status() != null);
    }

    void save(Identity who, Customer customer, String status, CrmRecord record, Instant at) {
        Object[] values = {customer.handle(), customer.name(), record == null ? null : record.customerId(),
                record == null ? null : lower(record.email()), record == null ? null : record.phone(),
                record == null ? null : toJson(record), status, at.atOffset(ZoneOffset.UTC),
                who.channel(), who.account(), who.customerId()};
        int updated = jdbc.update("""
                update customer set handle = ?, name = ?, crm_customer_id = ?, crm_email = ?, crm_phone = ?,
                                    crm_snapshot = ?, crm_status = ?, crm_fetched_at = ?
                where channel = ? and account = ? and customer_id = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    insert into customer (handle, name, crm_customer_id, crm_email, crm_phone, crm_snapshot, crm_status,
                                          crm_fetched_at, channel, account, customer_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }

    /** Every channel identity the CRM ties to this record: the same CRM id, email or phone. */
    public List<Identity> linkedTo(CrmRecord record) {
        return jdbc.query("""
                select channel, account, customer_id, handle, name from customer
                where (crm_customer_id is not null and crm_customer_id = ?)
                   or (crm_email is not null and crm_email = ?)
                   or (crm_phone is not null and crm_phone = ?)
                order by channel, account, customer_id""",
                (rs, i) -> new Identity(rs.getString("channel"), rs.getString("account"), rs.getString("customer_id"),
                        rs.getString("handle"), rs.getString("name")),
                record.customerId(), lower(record.email()), record.phone());
    }

    /** The CRM record stored for a CRM customer id, if any identity has it. */
    public Optional<CrmRecord> byCrmId(String crmCustomerId) {
        return jdbc.query("""
                select * from customer where crm_customer_id = ? and crm_status = ? order by crm_fetched_at desc""",
                this::mapSnapshot, crmCustomerId, FOUND).stream().findFirst().map(Snapshot::record);
    }

    public Optional<CrmRecord> byIdentity(String channel, String customerId) {
        return jdbc.query("select * from customer where channel = ? and customer_id = ? and crm_status = ?",
                this::mapSnapshot, channel, customerId, FOUND).stream().findFirst().map(Snapshot::record);
    }

    private Snapshot mapSnapshot(ResultSet rs, int row) throws SQLException {
        OffsetDateTime fetched = rs.getObject("crm_fetched_at", OffsetDateTime.class);
        String snapshot = rs.getString("crm_snapshot");
        return new Snapshot(rs.getString("crm_status"), snapshot == null ? null : fromJson(snapshot),
                fetched == null ? null : fetched.toInstant());
    }

    private static String lower(String email) {
        return email == null ? null : email.trim().toLowerCase();
    }

    private String toJson(CrmRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CrmRecord fromJson(String text) {
        try {
            return json.readValue(text, CrmRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored CRM snapshot is not a CrmRecord", e);
        }
    }

    /** A customer on one channel account. */
    public record Identity(String channel, String account, String customerId, String handle, String name) {
    }

    /** The outcome of the last lookup: found (with the record), unknown to the CRM, or CRM unavailable. */
    record Snapshot(String status, CrmRecord record, Instant fetchedAt) {
    }
}
