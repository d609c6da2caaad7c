package io.bluebird.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bluebird.conversations}: when a customer's message still belongs to their conversation.
 *
 * @param reopenWindow A message within this time after the conversation's ticket was solved reopens it; a later one
 *     opens a new conversation and ticket (default 7d).
 */
@ConfigurationProperties("bluebird.conversations")
public record ConversationSettings(@DefaultValue("7d") Duration reopenWindow) {
}
