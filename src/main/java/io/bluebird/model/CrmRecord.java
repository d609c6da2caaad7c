package io.bluebird.model;

import java.util.List;
import java.util.Map;

/** What the CRM knows of a customer, as mapped from its own JSON. */
public record CrmRecord(
        String customerId,
        String email,
        Boolean vip,
        String tier,
        List<Map<String, Object>> recentOrders,
        List<Map<String, Object>> openIssues) {
}
