package io.bluebird.priority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bluebird.model.CrmRecord;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;

/** Evaluates the rules on one ticket event; plain logic, no I/O. */
final class PriorityDecision {

    /** The priority and the rule that set it (null when none fired). */
    record Outcome(Priority priority, String rule) {
    }

    private PriorityDecision() {
    }

    /** {@code waitingSince}: when the customer's oldest message the brand has not answered was written, or null. */
    static Outcome decide(PriorityRules rules, TicketEvent event, String choice, Instant waitingSince, Instant now) {
        Outcome best = new Outcome(rules.defaultPriority(), null);
        for (PriorityRules.Rule rule : rules.rules()) {
            boolean higher = best.rule() == null || rule.priority().compareTo(best.priority()) < 0;
            if (higher && fires(rule.when(), event, choice, waitingSince, now)) {
                best = new Outcome(rule.priority(), rule.name());
            }
        }
        return best;
    }

    static boolean fires(PriorityRules.Conditions when, TicketEvent event, String choice, Instant waitingSince,
                         Instant now) {
        CrmRecord crm = event.customer().crm();
        if (when.crmVip() != null && (crm == null || !when.crmVip().equals(Boolean.TRUE.equals(crm.vip())))) {
            return false;
        }
        if (when.crmTier() != null && (crm == null || crm.tier() == null
                || when.crmTier().stream().noneMatch(tier -> tier.equalsIgnoreCase(crm.tier().trim())))) {
            return false;
        }
        Long followers = event.customer().followers();
        if (when.followersAtLeast() != null && (followers == null || followers < when.followersAtLeast())) {
            return false;
        }
        if (when.words() != null && !mentionsAny(event.message(), when.words())) {
            return false;
        }
        if (when.openIssuesAtLeast() != null && (crm == null || crm.openIssues().size() < when.openIssuesAtLeast())) {
            return false;
        }
        if (when.recentOrdersAtLeast() != null
                && (crm == null || crm.recentOrders().size() < when.recentOrdersAtLeast())) {
            return false;
        }
        if (when.waitingLongerThan() != null && waiting(waitingSince, now).compareTo(when.waitingLongerThan()) <= 0) {
            return false;
        }
        if (when.choice() != null && (choice == null || !when.choice().contains(choice))) {
            return false;
        }
        return when.channel() == null || when.channel().contains(event.message().channel());
    }

    static boolean mentionsAny(SocialMessage message, Map<String, List<String>> wordsByLanguage) {
        if (message.direction() != Direction.IN || message.text() == null) {
            return false;
        }
        String text = message.text().toLowerCase(Locale.ROOT);
        return wordsByLanguage.values().stream().flatMap(List::stream)
                .anyMatch(word -> text.contains(word.toLowerCase(Locale.ROOT)));
    }

    /** How long the customer's oldest unanswered message has been waiting. */
    static Duration waiting(Instant waitingSince, Instant now) {
        return waitingSince == null || waitingSince.isAfter(now) ? Duration.ZERO : Duration.between(waitingSince, now);
    }
}
