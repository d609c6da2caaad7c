package io.bluebird.e2e;

import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * The standalone Artemis of {@code scripts/artemis-test-server.sh}, as an external broker for hubs in
 * spring.artemis.mode=native. Stopped and started through the script, as an operator would; its journal survives a
 * stop.
 */
final class ExternalBroker implements AutoCloseable {

    static final String USER = "bluebird";
    static final String PASSWORD = "bluebird";

    private static final ServerScript SCRIPT = new ServerScript("scripts/artemis-test-server.sh");

    private String url;

    private ExternalBroker() {
    }

    /** A new, empty broker instance, started. */
    static ExternalBroker fresh() throws Exception {
        ExternalBroker broker = new ExternalBroker();
        broker.stop();
        FileSystemUtils.deleteRecursively(Path.of("target", "artemis"));
        broker.start();
        return broker;
    }

    String url() {
        return url;
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
