package io.bluebird.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        Process process = new ProcessBuilder("scripts/artemis-test-server.sh", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/artemis-test-server.sh " + command + " failed; see target/artemis");
        }
        return out;
    }
}
