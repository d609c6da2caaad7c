package io.bluebird.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code in}: the customer wrote it; {@code out}: the brand did (the hub, or an agent on the channel itself). */
public enum Direction {
    @JsonProperty("in") IN,
    @JsonProperty("out") OUT
}
