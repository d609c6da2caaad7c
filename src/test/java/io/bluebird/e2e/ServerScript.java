package io.bluebird.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One of the project's scripts that start and stop a server for the tests ({@code scripts/*-test-server.sh}). */
record ServerScript(String path) {

    /** Runs {@code command} (start, stop, fresh...) and returns what it printed, the server's URL for a start. */
    String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(path, command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(path + " " + command + " failed");
        }
        return out.strip();
    }
}
