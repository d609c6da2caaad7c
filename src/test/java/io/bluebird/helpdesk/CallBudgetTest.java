package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A helpdesk's call budget on a clock the test moves. */
class CallBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void callsAreSpentEvenlyAfterABurstOfATenthOfTheMinute() {
        CallBudget budget = new CallBudget(60, now::get);

        for (int call = 0; call < 6; call++) {
            assertThat(call(budget)).as("call %d", call).isZero();
        }
        assertThat(budget.take()).isEqualTo(Duration.ofSeconds(1));
        later(Duration.ofSeconds(1));
        assertThat(call(budget)).isZero();
        assertThat(budget.left()).isZero();
    }

    @Test
    void theHelpdesksCountOfWhatIsLeftWinsLessTheCallsUnderWay() {
        CallBudget budget = new CallBudget(200, now::get);
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();

        // the first of three calls answered: 2 left at the helpdesk, which the other two will spend
        budget.answered(700, 2, Duration.ofSeconds(20), null);
        budget.ended();

        assertThat(budget.take()).as("until the helpdesk's minute resets").isEqualTo(Duration.ofSeconds(20));
        later(Duration.ofSeconds(20));
        assertThat(budget.take()).isZero();
        assertThat(budget.left()).as("the account's limit, 700 a minute, from the answer").isPositive();
    }

    @Test
    void aTooManyRequestsStopsEveryCallForItsRetryAfter() {
        CallBudget budget = new CallBudget(200, now::get);
        assertThat(budget.take()).isZero();
        budget.answered(null, null, null, Duration.ofSeconds(7));
        budget.ended();

        assertThat(budget.take()).isEqualTo(Duration.ofSeconds(7));
        later(Duration.ofSeconds(7));
        assertThat(budget.take()).isZero();
    }

    @Test
    void aTooManyRequestsWithCallsLeftIsOneTicketsLimitAndStopsNoOtherCall() {
        CallBudget budget = new CallBudget(700, now::get);
        assertThat(budget.take()).isZero();
        // Zendesk's 30 updates of one ticket in 10 minutes: the account still has 650 calls this minute
        budget.answered(700, 650, Duration.ofSeconds(30), Duration.ofMinutes(4));
        budget.ended();

        assertThat(budget.take()).isZero();
    }

    @Test
    void noLimitMeansNoWaitUntilAnAnswerGivesOne() {
        CallBudget budget = new CallBudget(0, now::get);
        for (int call = 0; call < 100; call++) {
            assertThat(call(budget)).isZero();
        }
        assertThat(budget.left()).isEqualTo(-1);

        assertThat(budget.take()).isZero();
        budget.answered(60, 0, null, null);
        budget.ended();
        assertThat(budget.take()).as("nothing left and no reset said: one call's share of the minute")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void askingWhetherACallWouldGoTakesNothing() {
        CallBudget budget = new CallBudget(60, now::get);
        for (int ask = 0; ask < 20; ask++) {
            assertThat(budget.untilFree()).isZero();
        }
        assertThat(budget.left()).as("the burst, a tenth of the minute").isEqualTo(6);

        for (int call = 0; call < 6; call++) {
            call(budget);
        }
        assertThat(budget.untilFree()).isEqualTo(Duration.ofSeconds(1));
    }

    private static Duration call(CallBudget budget) {
        Duration wait = budget.take();
        if (wait.isZero()) {
            budget.ended();
        }
        return wait;
    }

    private void later(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
