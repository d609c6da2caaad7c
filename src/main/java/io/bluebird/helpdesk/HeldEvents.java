package io.bluebird.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The ticket event each delivery consumer holds and its helpdesk does not have yet (waiting for the budget, for a
 * retry, for the helpdesk to come back), for the age of the oldest per helpdesk: how far behind the helpdesk is.
 * An event is held from its first try until it is delivered or dead-lettered, retries included.
 */
@Component
public class HeldEvents {

    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Thread, Held> held = new ConcurrentHashMap<>();
    private final Set<String> measured = ConcurrentHashMap.newKeySet();

    public HeldEvents(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    /** This consumer holds the event, received at {@code since}, for {@code helpdesk}; a retry keeps its first time. */
    void hold(String helpdesk, String eventId, Instant since) {
        if (measured.add(helpdesk)) {
            Gauge.builder("bluebird.helpdesk.oldest.waiting", () -> oldest(helpdesk).toMillis() / 1000.0)
                    .tag("helpdesk", helpdesk).baseUnit("seconds")
                    .description("Age of the oldest ticket event the helpdesk does not have yet, of those its "
                            + "consumers hold (0: none)")
                    .register(meters);
        }
        held.compute(Thread.currentThread(), (thread, before) ->
                before != null && before.eventId().equals(eventId) ? before : new Held(helpdesk, eventId, since));
    }

    /** This consumer's event was delivered, or went to the dead letters. */
    public void release() {
        held.remove(Thread.currentThread());
    }

    Duration oldest(String helpdesk) {
        Instant now = clock.instant();
        return held.values().stream().filter(event -> event.helpdesk().equals(helpdesk))
                .map(event -> Duration.between(event.since(), now)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private record Held(String helpdesk, String eventId, Instant since) {
    }
}
