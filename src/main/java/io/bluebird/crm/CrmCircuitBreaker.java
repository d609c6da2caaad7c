package io.bluebird.crm;

import io.bluebird.breaker.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker around CRM lookups (routes/process.yaml names it), from {@code bluebird.crm.circuit-breaker}:
 * one for all lookups, since they all ask the same CRM.
 */
@Configuration
public class CrmCircuitBreaker {

    @Bean("crmBreaker")
    CircuitBreaker crmBreaker(CrmSettings settings) {
        return of(settings.circuitBreaker());
    }

    static CircuitBreaker of(BreakerSettings settings) {
        return CircuitBreaker.of("crm", settings.config().build());
    }
}
