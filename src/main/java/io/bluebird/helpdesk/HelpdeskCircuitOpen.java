package io.bluebird.helpdesk;

import java.time.Duration;

/**
 * The helpdesk's circuit breaker is open: no call was made. The event waits on its queue for as long as the outage
 * lasts (it is never dead-lettered for this), trying again each time the breaker lets one call through.
 */
public class HelpdeskCircuitOpen extends HelpdeskUnavailable {

    public HelpdeskCircuitOpen(String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
    }
}
