package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.bluebird.broker.BatchTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** One endpoint's budget besides the helpdesk's, as Zendesk limits Update Ticket besides the account. */
class HelpdeskBudgetsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anEndpointsCallsBeyondItsBurstWaitAndTheOthersDoNot() {
        HelpdeskSettings jms = new JmsSettings("bluebird.helpdesk.tickets", 4);
        HelpdeskBudgets budgets = new HelpdeskBudgets(new HelpdeskConfig(Map.of("jms", jms), null),
                new BatchTransactions(null), meters);

        // 100 a minute: a tenth of it at once, then one every 0.6 s
        for (int call = 0; call < 11; call++) {
            assertThat(budgets.within("desk", "update-ticket", 100, () -> "updated")).isEqualTo("updated");
        }
        assertThat(budgets.within("desk", "no-limit", 0, () -> "created")).isEqualTo("created");

        assertThat(meters.get("bluebird.helpdesk.calls.held").tag("helpdesk", "desk").tag("endpoint", "update-ticket")
                .counter().count()).as("calls that waited").isEqualTo(1.0);
        assertThat(meters.get("bluebird.helpdesk.budget").tag("helpdesk", "desk").tag("endpoint", "update-ticket")
                .gauge().value()).isZero();
    }
}
