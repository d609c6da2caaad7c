package io.bluebird.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.FileSystemUtils;

/**
 * The packaged hub as an operator runs it: {@code java -jar target/bluebird.jar} started from a directory holding
 * the project's routes/ and config/, with its data (H2, Artemis journal) under that directory's data/, so a
 * restart finds what the killed hub left.
 */
final class RunningHub implements AutoCloseable {

    private final Path home;
    private final Map<String, String> environment;
    private final int port;
    private final int brokerPort;
    private Process process;
    private int starts;

    RunningHub(String name, Map<String, String> environment) throws IOException {
        this.home = Path.of("target", "e2e", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
        FileSystemUtils.copyRecursively(Path.of("routes"), home.resolve("routes"));
        FileSystemUtils.copyRecursively(Path.of("config"), home.resolve("config"));
        this.environment = environment;
        this.port = freePort();
        this.brokerPort = freePort();
    }

    int port() {
        return port;
    }

    /** Where the embedded broker listens for JMS clients outside the hub. */
    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    /** Starts the jar and waits until it reports ready. */
    RunningHub start() throws Exception {
        Path jar = Path.of("target", "bluebird.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("BLUEBIRD_BROKER_LISTEN", brokerUrl());
        builder.environment().putAll(environment);
        process = builder.start();
        starts++;
        awaitReady();
        return this;
    }

    /** Ends the hub the hard way (SIGKILL): no shutdown hook, no flush, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    Path log() {
        return home.resolve("hub.log");
    }

    int starts() {
        return starts;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hub was not ready within 90 s; see " + log());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
