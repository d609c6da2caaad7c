package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private static final RoutingRules RULES = new RoutingRules(List.of(
            new RoutingRules.Rule("vips-to-rt", "rt",
                    new RoutingRules.Conditions(null, null, null, true, null, null)),
            new RoutingRules.Rule("urgent-x-to-zendesk", "zendesk",
                    new RoutingRules.Conditions(List.of("x"), null, List.of(Priority.URGENT, Priority.HIGH), null,
                            null, null)),
            new RoutingRules.Rule("gold-billing", "freshdesk",
                    new RoutingRules.Conditions(null, List.of("private"), null, null, List.of("gold"),
                            List.of("billing")))));

    private static TicketEvent event(String channel, Priority priority, CrmRecord crm) {
        SocialMessage m = new SocialMessage(channel + ":dm:1", channel, Visibility.PRIVATE, null, "1", "brand",
                new Author("u1", "jdoe", null, 1L, false), null, "hi", null, null, List.of(), Instant.now());
        TicketEvent event = TicketEvents.of("c1", null, List.of(m), Instant.now()).withPriority(priority);
        return event.withCustomer(new Customer(channel, "u1", "jdoe", null, 1L, crm));
    }

    private static CrmRecord crm(boolean vip, String tier) {
        return new CrmRecord("c", null, null, null, vip, tier, List.of(), List.of());
    }

    @Test
    void theFirstMatchingRuleDecides() {
        assertThat(RULES.match(event("x", Priority.URGENT, crm(true, null)), null).name()).isEqualTo("vips-to-rt");
        assertThat(RULES.match(event("x", Priority.HIGH, null), null).name()).isEqualTo("urgent-x-to-zendesk");
        assertThat(RULES.match(event("messenger", Priority.HIGH, null), null)).isNull();
        assertThat(RULES.match(event("x", Priority.NORMAL, crm(false, "Gold")), "billing").name())
                .isEqualTo("gold-billing");
        assertThat(RULES.match(event("x", Priority.NORMAL, crm(false, "Gold")), "order")).isNull();
        assertThat(RULES.match(event("x", Priority.NORMAL, null), "billing")).as("no CRM record").isNull();
    }
}
