package io.bluebird;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The shipped JSON Schema of bluebird.ticket.v1 (schemas/), for tests to hold every TicketEvent they see to it. */
public final class TicketEventSchema {

    private static final JsonSchema SCHEMA = load();

    private TicketEventSchema() {
    }

    public static void assertValid(JsonNode event) {
        assertThat(SCHEMA.validate(event)).as("bluebird.ticket.v1 violations in %s", event).isEmpty();
    }

    private static JsonSchema load() {
        try (InputStream in = Files.newInputStream(Path.of("schemas", "bluebird.ticket.v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
