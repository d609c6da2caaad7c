package io.bluebird.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class PriorityDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static SocialMessage message(String id, Direction direction, String text, Instant at) {
        return new SocialMessage("x:dm:" + id, "x", Visibility.PRIVATE, direction, id, "brand",
                new Author("u1", "jdoe", "Jane", 500L, false), direction == Direction.OUT
                ? new Author("u1", null, null, null, null) : null, text, null, null, List.of(), at);
    }

    private static TicketEvent event(String text, CrmRecord crm, Long followers) {
        SocialMessage m = message("1", Direction.IN, text, NOW);
        TicketEvent event = TicketEvents.of("c1", null, List.of(m), NOW);
        return event.withCustomer(new io.bluebird.model.Customer("x", "u1", "jdoe", "Jane", followers, crm));
    }

    private static CrmRecord crm(boolean vip, String tier, int openIssues, int recentOrders) {
        return new CrmRecord("c-1", "Jane", "jane@example.com", null, vip, tier,
                java.util.Collections.nCopies(recentOrders, Map.of("id", (Object) "o")),
                java.util.Collections.nCopies(openIssues, Map.of("id", (Object) "i")));
    }

    private static PriorityDecision.Outcome decide(PriorityRules rules, TicketEvent event, String choice) {
        return PriorityDecision.decide(rules, event, choice, null, NOW);
    }

    private static PriorityRules rules(PriorityRules.Rule... rules) {
        return new PriorityRules(Priority.NORMAL, List.of(rules));
    }

    @Test
    void noRuleFiringLeavesTheDefault() {
        PriorityDecision.Outcome outcome = decide(rules(), event("hello", null, 10L), null);
        assertThat(outcome).isEqualTo(new PriorityDecision.Outcome(Priority.NORMAL, null));
    }

    @Test
    void aVipFromTheCrmIsUrgent() {
        PriorityRules rules = rules(new PriorityRules.Rule("vip", Priority.URGENT,
                new PriorityRules.Conditions(true, null, null, null, null, null, null, null, null)));
        assertThat(decide(rules, event("hi", crm(true, null, 0, 0), 1L), null).priority()).isEqualTo(Priority.URGENT);
        assertThat(decide(rules, event("hi", crm(false, null, 0, 0), 1L), null).rule()).isNull();
        assertThat(decide(rules, event("hi", null, 1L), null).rule()).as("no CRM record").isNull();
    }

    @Test
    void tierFollowersIssuesAndOrders() {
        PriorityRules rules = rules(
                new PriorityRules.Rule("gold", Priority.HIGH,
                        new PriorityRules.Conditions(null, List.of("gold"), null, null, null, null, null, null, null)),
                new PriorityRules.Rule("famous", Priority.HIGH,
                        new PriorityRules.Conditions(null, null, 10_000L, null, null, null, null, null, null)),
                new PriorityRules.Rule("issues", Priority.HIGH,
                        new PriorityRules.Conditions(null, null, null, null, 2, null, null, null, null)),
                new PriorityRules.Rule("buyer", Priority.HIGH,
                        new PriorityRules.Conditions(null, null, null, null, null, 1, null, null, null)));

        assertThat(decide(rules, event("hi", crm(false, "Gold", 0, 0), 1L), null).rule()).isEqualTo("gold");
        assertThat(decide(rules, event("hi", null, 10_000L), null).rule()).isEqualTo("famous");
        assertThat(decide(rules, event("hi", null, 9_999L), null).rule()).isNull();
        assertThat(decide(rules, event("hi", crm(false, null, 2, 0), 1L), null).rule()).isEqualTo("issues");
        assertThat(decide(rules, event("hi", crm(false, null, 1, 1), 1L), null).rule()).isEqualTo("buyer");
    }

    @Test
    void wordsMatchInAnyLanguageIgnoringCase() {
        PriorityRules rules = rules(new PriorityRules.Rule("churn", Priority.HIGH, new PriorityRules.Conditions(
                null, null, null, Map.of("en", List.of("cancel my account"), "fr", List.of("résilier")), null, null,
                null, null, null)));
        assertThat(decide(rules, event("I will CANCEL MY ACCOUNT today", null, 1L), null).rule()).isEqualTo("churn");
        assertThat(decide(rules, event("Je veux résilier", null, 1L), null).rule()).isEqualTo("churn");
        assertThat(decide(rules, event("Where is my parcel", null, 1L), null).rule()).isNull();
    }

    @Test
    void aLongWaitCountsFromTheOldestUnansweredMessage() {
        assertThat(PriorityDecision.waiting(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo(Duration.ofHours(3));
        assertThat(PriorityDecision.waiting(null, NOW)).isEqualTo(Duration.ZERO);

        PriorityRules rules = rules(new PriorityRules.Rule("long-wait", Priority.HIGH, new PriorityRules.Conditions(
                null, null, null, null, null, null, Duration.ofHours(4), null, null)));
        TicketEvent event = event("???", null, 1L);
        assertThat(PriorityDecision.decide(rules, event, null, NOW.minus(Duration.ofHours(3)), NOW).rule()).isNull();
        assertThat(PriorityDecision.decide(rules, event, null, NOW.minus(Duration.ofHours(6)), NOW).rule())
                .isEqualTo("long-wait");
    }

    @Test
    void theChoiceAndTheChannelCanDecide() {
        PriorityRules rules = rules(new PriorityRules.Rule("billing-on-x", Priority.LOW, new PriorityRules.Conditions(
                null, null, null, null, null, null, null, List.of("billing"), List.of("x"))));
        assertThat(decide(rules, event("hi", null, 1L), "billing").priority()).isEqualTo(Priority.LOW);
        assertThat(decide(rules, event("hi", null, 1L), "order").rule()).isNull();
    }

    @Test
    void theHighestPriorityAmongTheRulesThatFireWins() {
        PriorityRules rules = rules(
                new PriorityRules.Rule("famous", Priority.HIGH,
                        new PriorityRules.Conditions(null, null, 100L, null, null, null, null, null, null)),
                new PriorityRules.Rule("vip", Priority.URGENT,
                        new PriorityRules.Conditions(true, null, null, null, null, null, null, null, null)),
                new PriorityRules.Rule("also-famous", Priority.HIGH,
                        new PriorityRules.Conditions(null, null, 50L, null, null, null, null, null, null)));
        assertThat(decide(rules, event("hi", crm(true, null, 0, 0), 1000L), null))
                .isEqualTo(new PriorityDecision.Outcome(Priority.URGENT, "vip"));
        assertThat(decide(rules, event("hi", null, 1000L), null))
                .isEqualTo(new PriorityDecision.Outcome(Priority.HIGH, "famous"));
    }
}
