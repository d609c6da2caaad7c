package io.bluebird.helpdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;

/**
 * What the hub knows about a ticket that a helpdesk may keep in custom fields, by name: {@code conversation},
 * {@code channel}, {@code handle}, {@code followers}, {@code priority-rule}, {@code crm-customer-id},
 * {@code crm-tier}, {@code crm-vip}. {@code bluebird.helpdesks.<name>.custom-fields} maps these names to the
 * helpdesk's fields (Zendesk: field ids; Freshdesk: {@code cf_} names; RT: custom field names).
 */
public final class TicketFacts {

    public static final List<String> NAMES = List.of("conversation", "channel", "handle", "followers",
            "priority-rule", "crm-customer-id", "crm-tier", "crm-vip");

    private TicketFacts() {
    }

    /** The facts of the event that are known, in the order above. */
    public static Map<String, Object> of(TicketEvent event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Customer customer = event.customer();
        facts.put("conversation", event.conversationId());
        facts.put("channel", customer.channel());
        facts.put("handle", customer.handle());
        facts.put("followers", customer.followers());
        facts.put("priority-rule", event.tags().stream()
                .filter(tag -> tag.startsWith("priority-") && !tag.equals(TicketTags.PRIORITY_RAISED))
                .map(tag -> tag.substring("priority-".length())).findFirst().orElse(null));
        CrmRecord crm = customer.crm();
        if (crm != null) {
            facts.put("crm-customer-id", crm.customerId());
            facts.put("crm-tier", crm.tier());
            facts.put("crm-vip", crm.vip());
        }
        facts.values().removeIf(value -> value == null);
        return facts;
    }

    /**
     * The helpdesk's configured fields with their values: those of {@code custom-fields}, and the conversation id in
     * {@code conversation-field} (which some adapters also look tickets up by).
     */
    public static Map<String, Object> fields(TicketEvent event, Map<String, String> customFields,
                                             String conversationField) {
        Map<String, Object> fields = fields(event, customFields);
        if (conversationField != null && !conversationField.isBlank()) {
            fields.put(conversationField, event.conversationId());
        }
        return fields;
    }

    /** The configured fields with their values: helpdesk field → value, for the facts that are known. */
    public static Map<String, Object> fields(TicketEvent event, Map<String, String> customFields) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (customFields == null) {
            return fields;
        }
        Map<String, Object> facts = of(event);
        customFields.forEach((fact, field) -> {
            if (facts.containsKey(fact)) {
                fields.put(field, facts.get(fact));
            }
        });
        return fields;
    }
}
