package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void jsonMediaTypesWithOrWithoutCharset() {
        assertThat(JsonBodies.isJson("application/json")).isTrue();
        assertThat(JsonBodies.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(JsonBodies.isJson("application/problem+json")).isTrue();
        assertThat(JsonBodies.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonBodies.isJson("text/plain")).isFalse();
    }
}
