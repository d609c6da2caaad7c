package io.bluebird.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration metadata in the jar (META-INF/spring-configuration-metadata.json, from the settings records and
 * META-INF/additional-spring-configuration-metadata.json) describes every bluebird.* key, so that an IDE completes
 * and explains each, and neither config/application.yaml nor the jar's defaults hold a key the metadata does not know.
 */
class ConfigurationMetadataTest {

    @Test
    void everyKeyIsDescribedAndEveryShippedKeyIsKnown() throws IOException {
        Map<String, String> described = new HashMap<>();
        List<String> withoutDescription = new ArrayList<>();
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("the metadata, made at compile time").isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(json).path("properties")) {
                String name = property.path("name").asText();
                String description = property.path("description").asText("");
                if (!name.startsWith("bluebird.")) {
                    continue;
                }
                if (description.isBlank()) {
                    withoutDescription.add(name);
                }
                described.put(name, description);
            }
        }
        assertThat(withoutDescription).as("keys without a description").isEmpty();

        List<String> keys = new ArrayList<>();
        // the integrator's settings, and the defaults inside the jar
        for (Path file : List.of(Path.of("config", "application.yaml"),
                Path.of("src", "main", "resources", "application.yaml"))) {
            try (Reader yaml = Files.newBufferedReader(file)) {
                Map<String, Object> settings = new Yaml().load(yaml);
                flatten("bluebird", settings.get("bluebird"), keys);
            }
        }
        assertThat(keys).as("bluebird.* keys of the two application.yaml").hasSizeGreaterThan(50);
        assertThat(keys.stream().filter(key -> !known(key, described)).distinct().toList())
                .as("keys of application.yaml the metadata does not describe").isEmpty();
    }

    /** A key, or the map or list it is an entry of (bluebird.helpdesks.zendesk.base-url: bluebird.helpdesks). */
    private static boolean known(String key, Map<String, String> described) {
        for (String name = key; name.contains("."); name = name.substring(0, name.lastIndexOf('.'))) {
            if (described.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, List<String> keys) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            ((Map<String, Object>) map).forEach((key, inner) -> flatten(prefix + "." + key, inner, keys));
        } else {
            keys.add(prefix);
        }
    }
}
