package io.bluebird.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.bluebird.broker.BatchTransactions;
import io.bluebird.client.HttpAnswer;
import io.bluebird.http.RetryAfter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Each HTTP helpdesk's call budget ({@link CallBudget}), from {@code bluebird.helpdesks.<name>.requests-per-minute}
 * and then from what the helpdesk's answers say (Zendesk's {@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining} and
 * {@code ratelimit-reset}; Freshdesk's {@code X-RateLimit-Total} and {@code X-RateLimit-Remaining}; any 429's
 * {@code Retry-After}). A call waits for its budget in place, having committed the deliveries of its batch before it;
 * one that would wait longer than {@link #LONGEST_WAIT} fails as the helpdesk unavailable, to be retried after that
 * wait as any other. Only that helpdesk's calls wait: each has its own budget and consumers.
 */
@Component
public class HelpdeskBudgets {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** Update Ticket, which has a limit of its own per account ({@code updates-per-minute}). */
    public static final String UPDATE_TICKET = "update-ticket";
    /** Create Ticket, which has a limit of its own per account ({@code creates-per-minute}). */
    public static final String CREATE_TICKET = "create-ticket";
    private static final String ALL = "all";

    private final HelpdeskConfig config;
    private final BatchTransactions batches;
    private final MeterRegistry meters;
    /** By helpdesk and endpoint; {@link #ALL} is the helpdesk's own budget, which every call spends. */
    private final Map<Endpoint, Spent> budgets = new ConcurrentHashMap<>();

    public HelpdeskBudgets(HelpdeskConfig config, BatchTransactions batches, MeterRegistry meters) {
        this.config = config;
        this.batches = batches;
        this.meters = meters;
    }

    /** Waits until the helpdesk's budget has a call for this one, and takes it. */
    void spend(String helpdesk) {
        waitFor(helpdesk, of(helpdesk), true);
    }

    /**
     * Waits until the helpdesk's budget, and that of its Update Ticket or Create Ticket endpoint, has a call, and
     * takes none: a delivery waits here before it decides what its call carries, so that what arrives meanwhile goes
     * with it ({@link HelpdeskTickets}).
     */
    void awaitRoom(String helpdesk, boolean update) {
        waitFor(helpdesk, of(helpdesk), false);
        HelpdeskSettings settings = config.helpdesks().get(helpdesk);
        int perMinute = update ? settings.updatesPerMinute() : settings.createsPerMinute();
        if (perMinute > 0) {
            waitFor(helpdesk, endpoint(helpdesk, update ? UPDATE_TICKET : CREATE_TICKET, perMinute), false);
        }
    }

    /**
     * Makes {@code call} within the budget of one endpoint of the helpdesk, which the vendor limits besides the
     * account (Zendesk's Update Ticket: 100 a minute per account; Freshdesk's Ticket Create and Update by plan);
     * {@code perMinute} 0 is none. Its answers say
     * nothing of that limit, so the budget goes by the figure alone.
     */
    public <T> T within(String helpdesk, String endpoint, int perMinute, Supplier<T> call) {
        if (perMinute <= 0) {
            return call.get();
        }
        Spent budget = endpoint(helpdesk, endpoint, perMinute);
        waitFor(helpdesk, budget, true);
        try {
            return call.get();
        } finally {
            budget.calls.ended();
        }
    }

    private Spent endpoint(String helpdesk, String endpoint, int perMinute) {
        return budgets.computeIfAbsent(new Endpoint(helpdesk, endpoint),
                key -> spent(key, new CallBudget(perMinute, System::nanoTime)));
    }

    /** {@code take}: takes the call once there is one, else only waits for it. */
    private void waitFor(String helpdesk, Spent budget, boolean take) {
        boolean held = false;
        for (Duration wait = next(budget, take); !wait.isZero(); wait = next(budget, take)) {
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw new HelpdeskUnavailable(helpdesk + ": its rate limit has no call for " + wait.toSeconds()
                        + " s", wait, null);
            }
            if (!held) {
                held = true;
                budget.held.increment();
                batches.commitSoFar();
            }
            try {
                Thread.sleep(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HelpdeskUnavailable(helpdesk + ": interrupted while waiting for its rate limit", null, e);
            }
        }
    }

    private static Duration next(Spent budget, boolean take) {
        return take ? budget.calls.take() : budget.calls.untilFree();
    }

    /** The call {@link #spend} allowed ended: answered (after {@link #answered}) or not. */
    void ended(String helpdesk) {
        of(helpdesk).calls.ended();
    }

    /** What the helpdesk's answer to that call says of its rate limit. */
    void answered(String helpdesk, HttpAnswer response) {
        Integer limit = number(response, "X-Rate-Limit").or(() -> number(response, "X-RateLimit-Total")).orElse(null);
        Integer remaining = number(response, "X-Rate-Limit-Remaining")
                .or(() -> number(response, "X-RateLimit-Remaining")).orElse(null);
        Duration reset = number(response, "ratelimit-reset").map(Duration::ofSeconds).orElse(null);
        Duration retryAfter = response.statusCode() != 429 ? null
                : Optional.ofNullable(RetryAfter.of(response.headers(), Instant.now())).orElse(Duration.ofMinutes(1));
        of(helpdesk).calls.answered(limit, remaining, reset, retryAfter);
    }

    private Spent of(String helpdesk) {
        return budgets.computeIfAbsent(new Endpoint(helpdesk, ALL), key -> {
            HelpdeskSettings settings = config.helpdesks().get(helpdesk);
            return spent(key, new CallBudget(settings == null ? 0 : settings.requestsPerMinute(), System::nanoTime));
        });
    }

    private Spent spent(Endpoint key, CallBudget calls) {
        Gauge.builder("bluebird.helpdesk.budget", calls, CallBudget::left).tag("helpdesk", key.helpdesk())
                .tag("endpoint", key.endpoint())
                .description("Calls the helpdesk (all: any endpoint) takes now without waiting (-1: no limit known)")
                .register(meters);
        return new Spent(calls, Counter.builder("bluebird.helpdesk.calls.held").tag("helpdesk", key.helpdesk())
                .tag("endpoint", key.endpoint()).description("Calls that waited for the helpdesk's rate limit")
                .register(meters));
    }

    private static Optional<Integer> number(HttpAnswer response, String name) {
        return response.header(name).filter(value -> value.matches("\\d{1,9}"))
                .map(Integer::valueOf);
    }

    private record Endpoint(String helpdesk, String endpoint) {
    }

    private record Spent(CallBudget calls, Counter held) {
    }
}
