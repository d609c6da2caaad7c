package io.bluebird.model;

import java.util.List;
import java.util.Map;

/** What the CRM knows of a customer, as mapped from its own JSON or rows. */
public record CrmRecord(
        String customerId,
        String name,
        String email,
        String phone,
        Boolean vip,
        String tier,
        List<Map<String, Object>> recentOrders,
        List<Map<String, Object>> openIssues) {

    public CrmRecord {
        recentOrders = recentOrders == null ? List.of() : List.copyOf(recentOrders);
        openIssues = openIssues == null ? List.of() : List.copyOf(openIssues);
    }
}
