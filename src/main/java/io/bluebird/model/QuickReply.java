package io.bluebird.model;

/** A choice offered to the customer: a button where the channel has them, a numbered option where it does not. */
public record QuickReply(String title, String payload) {
}
