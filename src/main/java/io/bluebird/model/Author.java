package io.bluebird.model;

/** Who wrote a message, as the channel knows them. */
public record Author(String id, String handle, String name, Long followers, Boolean verified) {
}
