package io.bluebird.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.bluebird.http.RequestRejected;
import org.springframework.stereotype.Component;

/**
 * The hub's contract as kept in the repository, read from the working directory as {@code routes/} and
 * {@code config/} are: the OpenAPI description ({@code openapi/}) and the JSON Schemas its {@code $ref}s name
 * ({@code schemas/}), served as they are so that what a client reads is what the tests check.
 */
@Component("contractDocuments")
public class ContractDocuments {

    /** A schema's file name: nothing that could lead out of schemas/. */
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.schema\\.json");

    private static final Path DESCRIPTION = Path.of("openapi", "bluebird.openapi.json");
    private static final Path SCHEMAS = Path.of("schemas");

    public byte[] description() {
        return read(DESCRIPTION, "the OpenAPI description");
    }

    public byte[] schema(String file) {
        if (file == null || !SCHEMA_FILE.matcher(file).matches()) {
            throw new RequestRejected(404, "no schema " + file + ": the schemas are named <name>.schema.json");
        }
        return read(SCHEMAS.resolve(file), "schema " + file);
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RequestRejected(404, "no " + what + " (" + file + " is not in the hub's working directory)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
