package io.bluebird.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import io.bluebird.HubClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub's API token rotated while it runs, as an operator would (or as Kubernetes updates a mounted
 * secret): the token file replaced with the new and the old token, then with the new one alone.
 */
class ApiTokenRotationIT {

    @TempDir
    Path dir;

    @Test
    void twoTokensAreValidWhileCallersMoveOverThenOnlyTheNewOne() throws Exception {
        Path tokens = Files.writeString(dir.resolve("api-tokens"), "old-token\n");
        try (RunningHub hub = new RunningHub("token-rotation",
                Map.of("BLUEBIRD_API_TOKEN_FILE", tokens.toString())).start()) {
            HubClient client = new HubClient(hub.port());
            assertThat(status(client, "old-token")).isEqualTo(200);
            assertThat(status(client, "new-token")).isEqualTo(401);

            replace(tokens, "new-token\nold-token\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> status(client, "new-token") == 200);
            assertThat(status(client, "old-token")).as("both while callers move over").isEqualTo(200);

            replace(tokens, "new-token\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> status(client, "old-token") == 401);
            assertThat(status(client, "new-token")).isEqualTo(200);
            assertThat(Files.readString(hub.log())).as("the tokens are never logged").doesNotContain("old-token")
                    .doesNotContain("new-token").contains("changed: 2 token(s) valid", "changed: 1 token(s) valid");

            // and the JSON error of a path Tomcat refuses, from the jar's class loader (ContainerErrors on the host)
            HubClient.RawAnswer refused = client.raw("/api/conversations/a%2Fb");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(HubClient.json(refused.body()).path("error").asText()).isEqualTo("Bad Request");
        }
    }

    private static int status(HubClient client, String token) {
        return client.send(client.request("/api/conversations?handle=nobody")
                .header("Authorization", "Bearer " + token).GET()).statusCode();
    }

    /** A new file renamed over the old one, so the hub never reads half a file. */
    private void replace(Path file, String content) throws Exception {
        Path next = Files.writeString(dir.resolve("api-tokens.next"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
