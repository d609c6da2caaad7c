package io.bluebird.e2e;

import java.util.Map;

/**
 * The PostgreSQL of {@code scripts/postgres-test-server.sh} (Debian's server, installed on first use), as the
 * database of hubs started with {@link #settings()}. Stopped and started through the script, as an operator would;
 * what was committed survives a stop.
 */
final class ExternalPostgres implements AutoCloseable {

    static final String USER = "bluebird";
    static final String PASSWORD = "bluebird";

    private static final ServerScript SCRIPT = new ServerScript("scripts/postgres-test-server.sh");

    private String url;

    private ExternalPostgres() {
    }

    /** A new, empty cluster, started. */
    static ExternalPostgres fresh() throws Exception {
        ExternalPostgres postgres = new ExternalPostgres();
        postgres.url = SCRIPT.run("fresh");
        return postgres;
    }

    /** The hub's environment for this database. */
    Map<String, String> settings() {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD);
    }

    void start() throws Exception {
        url = SCRIPT.run("start");
    }

    void stop() throws Exception {
        SCRIPT.run("stop");
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
