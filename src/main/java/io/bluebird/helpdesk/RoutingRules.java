package io.bluebird.helpdesk;

import java.util.List;

import io.bluebird.model.CrmRecord;
import io.bluebird.model.Priority;
import io.bluebird.model.TicketEvent;

/**
 * {@code bluebird.routing.rules}: which helpdesk a new conversation goes to, by channel, visibility, priority, CRM VIP
 * and tier, or the welcome choice. The first rule whose conditions all hold decides; none: the default helpdesk.
 */
public record RoutingRules(List<Rule> rules) {

    public RoutingRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public record Rule(String name, String helpdesk, Conditions when) {
    }

    /** Unset conditions are ignored; lists match any of their values. */
    public record Conditions(List<String> channel, List<String> visibility, List<Priority> priority, Boolean crmVip,
                             List<String> crmTier, List<String> choice) {
    }

    /** The first rule that matches, or null. */
    Rule match(TicketEvent event, String choice) {
        return rules.stream().filter(rule -> matches(rule.when(), event, choice)).findFirst().orElse(null);
    }

    static boolean matches(Conditions when, TicketEvent event, String choice) {
        if (when == null) {
            return true;
        }
        CrmRecord crm = event.customer().crm();
        return (when.channel() == null || when.channel().contains(event.message().channel()))
                && (when.visibility() == null
                || when.visibility().contains(event.message().visibility().name().toLowerCase()))
                && (when.priority() == null || when.priority().contains(event.priority()))
                && (when.crmVip() == null || crm != null && when.crmVip().equals(Boolean.TRUE.equals(crm.vip())))
                && (when.crmTier() == null || crm != null && crm.tier() != null
                && when.crmTier().stream().anyMatch(t -> t.equalsIgnoreCase(crm.tier().trim())))
                && (when.choice() == null || choice != null && when.choice().contains(choice));
    }
}
