package io.bluebird.deadletter;

import com.fasterxml.jackson.databind.JsonNode;

/** A message parked on bluebird.dead-letters: why, from which queue, when, and the message itself. */
public record DeadLetter(String id, String reason, String from, String at, String type, String conversationId,
                         JsonNode body) {
}
