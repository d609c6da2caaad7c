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

/** A shipped JSON Schema of the hub's contract (schemas/), for tests to hold what they send and see to it. */
public final class ContractSchema {

    public static final ContractSchema TICKET_EVENT = new ContractSchema("bluebird.ticket.v1");
    public static final ContractSchema SOCIAL_MESSAGE = new ContractSchema("bluebird.social-message.v1");
    public static final ContractSchema HELPDESK_EVENT = new ContractSchema("bluebird.helpdesk-event.v1");

    private final String name;
    private final JsonSchema schema;

    private ContractSchema(String name) {
        this.name = name;
        this.schema = load(Path.of("schemas", name + ".schema.json"));
    }

    public void assertValid(JsonNode value) {
        assertThat(schema.validate(value)).as("%s violations in %s", name, value).isEmpty();
    }

    /** What the schema says is wrong with a value; none for a valid one. */
    public int violations(JsonNode value) {
        return schema.validate(value).size();
    }

    private static JsonSchema load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
