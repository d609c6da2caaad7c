package io.bluebird.crm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.bluebird.model.CrmRecord;

/** Builds a CrmRecord from whatever the CRM answered, one configured path or column per field. */
final class CrmFields {

    private CrmFields() {
    }

    static CrmRecord record(Map<String, String> fields, Function<String, Object> read) {
        return new CrmRecord(text(read.apply(fields.get("customerId"))), text(read.apply(fields.get("name"))),
                text(read.apply(fields.get("email"))), text(read.apply(fields.get("phone"))),
                flag(read.apply(fields.get("vip"))), text(read.apply(fields.get("tier"))),
                list(read.apply(fields.get("recentOrders"))), list(read.apply(fields.get("openIssues"))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Boolean flag(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        return List.of("true", "yes", "y", "1").contains(value.toString().trim().toLowerCase());
    }

    /** A list of objects; scalars become {"id": value}, so a CRM that lists order numbers still counts. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream()
                .map(item -> item instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.<String, Object>of("id", item))
                .toList();
    }
}
