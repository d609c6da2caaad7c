package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How soon an agent should look at a ticket; the same four levels Zendesk uses. */
public enum Priority {
    @JsonProperty("urgent") URGENT,
    @JsonProperty("high") HIGH,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("low") LOW
}
