package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a message was posted where anyone can read it, or sent privately to the brand. */
public enum Visibility {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("private") PRIVATE
}
