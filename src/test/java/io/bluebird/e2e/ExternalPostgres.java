package io.bluebird.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The PostgreSQL of {@code scripts/postgres-test-server.sh} (Debian's server, installed on first use), as the
 * database of hubs started with {@link #settings()}. Stopped and started through the script, as an operator would;
 * what was committed survives a stop.
 */
final class ExternalPostgres implements AutoCloseable {

    static final String USER = "bluebird";
    static final String PASSWORD = "bluebird";

    private String url;

    private ExternalPostgres() {
    }

    /** A new, empty cluster, started. */
    static ExternalPostgres fresh() throws Exception {
        ExternalPostgres postgres = new ExternalPostgres();
        postgres.url = script("fresh").strip();
        return postgres;
    }

    /** The hub's environment for this database. */
    Map<String, String> settings() {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD);
    }

    void start() throws Exception {
        url = script("start").strip();
    }

    void stop() throws Exception {
        script("stop");
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static String script(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("scripts/postgres-test-server.sh", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/postgres-test-server.sh " + command + " failed");
        }
        return out;
    }
}
