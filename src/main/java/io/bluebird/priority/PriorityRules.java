package io.bluebird.priority;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.bluebird.model.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluebird.priority}: the rules that set a ticket's priority, in config, not code. A rule fires when all of
 * its conditions hold; the highest priority among the rules that fire wins (the first listed on a tie), and its
 * name goes on the ticket as the tag {@code priority-<name>}. No rule firing leaves {@code default-priority}.
 *
 * @param defaultPriority The priority of a ticket no rule sets: urgent, high, normal or low (default normal).
 * @param rules The rules: a name, a priority and conditions (crm-vip, crm-tier, followers-at-least, words per language,
 *     open-issues-at-least, recent-orders-at-least, waiting-longer-than, choice, channel).
 */
@ConfigurationProperties("bluebird.priority")
public record PriorityRules(Priority defaultPriority, List<Rule> rules) {

    public PriorityRules {
        defaultPriority = defaultPriority == null ? Priority.NORMAL : defaultPriority;
        rules = rules == null ? List.of() : List.copyOf(rules);
        for (Rule rule : rules) {
            if (rule.name() == null || rule.priority() == null || rule.when() == null) {
                throw new IllegalStateException("every bluebird.priority.rules entry needs name, priority and when");
            }
        }
    }

    public record Rule(String name, Priority priority, Conditions when) {
    }

    /**
     * What a rule looks at; unset conditions are ignored. {@code words} are per language (any language's list may
     * match; matching ignores case); {@code waiting-longer-than} is how long the customer's oldest unanswered
     * message has waited.
     */
    public record Conditions(
            Boolean crmVip,
            List<String> crmTier,
            Long followersAtLeast,
            Map<String, List<String>> words,
            Integer openIssuesAtLeast,
            Integer recentOrdersAtLeast,
            Duration waitingLongerThan,
            List<String> choice,
            List<String> channel) {
    }
}
