package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredTokenPassesAndAnyOtherIsRefused() {
        ApiToken token = new ApiToken(new ApiSettings("s3cret", ""));

        assertThatCode(() -> token.check("Bearer s3cret")).doesNotThrowAnyException();
        assertThatCode(() -> token.check("bearer s3cret ")).doesNotThrowAnyException();
        assertRefused(token, "Bearer s3cre", "wrong bearer token");
        assertRefused(token, "Basic czNjcmV0", "missing bearer token");
        assertRefused(token, null, "missing bearer token");
        assertRefused(new ApiToken(new ApiSettings("", "")), "Bearer ", "the hub's API is disabled");
    }

    @Test
    void everyTokenOfTheFileIsValidAndARotationIsTakenWithoutARestart() throws IOException {
        Path file = write("# rotating: new first, old until the callers moved\nnew-token\n\nold-token\n");
        ApiToken token = new ApiToken("", file.toString(), Duration.ZERO);

        assertThatCode(() -> token.check("Bearer new-token")).doesNotThrowAnyException();
        assertThatCode(() -> token.check("Bearer old-token")).doesNotThrowAnyException();
        assertRefused(token, "Bearer # rotating: new first, old until the callers moved", "wrong bearer token");

        replace(file, "new-token\n");
        assertThatCode(() -> token.check("Bearer new-token")).doesNotThrowAnyException();
        assertRefused(token, "Bearer old-token", "wrong bearer token");
    }

    @Test
    void theFileIsReadAgainAtMostOnceAPeriod() throws IOException {
        Path file = write("first\n");
        ApiToken token = new ApiToken("", file.toString(), Duration.ofHours(1));

        replace(file, "second\n");
        assertThatCode(() -> token.check("Bearer first")).doesNotThrowAnyException();
        assertRefused(token, "Bearer second", "wrong bearer token");
    }

    @Test
    void aFileGoneAfterTheStartKeepsTheTokensReadBeforeAndOneMissingAtTheStartStopsIt() throws IOException {
        Path file = write("kept\n");
        ApiToken token = new ApiToken("configured", file.toString(), Duration.ZERO);

        Files.delete(file);
        assertThatCode(() -> token.check("Bearer kept")).doesNotThrowAnyException();
        assertThatCode(() -> token.check("Bearer configured")).as("bluebird.api.token is valid beside the file")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new ApiToken(new ApiSettings("", file.toString()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bluebird.api.token-file");
    }

    @Test
    void anEmptyFileClosesTheApi() throws IOException {
        ApiToken token = new ApiToken("", write("# no token now\n").toString(), Duration.ZERO);
        assertRefused(token, "Bearer ", "the hub's API is disabled");
    }

    private Path write(String tokens) throws IOException {
        return Files.writeString(dir.resolve("api-tokens"), tokens);
    }

    /** As Kubernetes updates a mounted secret, and as the README says to: a new file renamed over the old one. */
    private void replace(Path file, String tokens) throws IOException {
        Path next = Files.writeString(dir.resolve("api-tokens.next"), tokens);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void assertRefused(ApiToken token, String authorization, String message) {
        assertThatThrownBy(() -> token.check(authorization)).isInstanceOfSatisfying(RequestRejected.class,
                refused -> assertThat(refused.getStatus()).isEqualTo(401)).hasMessageStartingWith(message);
    }
}
