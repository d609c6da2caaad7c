package io.bluebird.broker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.jms.ConnectionFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;

/**
 * The broker's health within a time limit: Spring Boot's check (open a connection, start it) waits for the broker,
 * and while the broker was away /actuator/health took 6-10 s or hung with it. A check that takes longer than the
 * timeout is DOWN; it goes on in the background, and later calls wait for that same check instead of starting more.
 */
class BrokerHealth implements HealthIndicator, AutoCloseable {

    private final JmsHealthIndicator check;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broker-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running = CompletableFuture.completedFuture(null);

    BrokerHealth(ConnectionFactory connectionFactory, Duration timeout) {
        this.check = new JmsHealthIndicator(connectionFactory);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<Health> current;
        synchronized (this) {
            if (running.isDone()) {
                running = checks.submit(check::health);
            }
            current = running;
        }
        try {
            return current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "the broker did not answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down().withException(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
