package io.bluebird.survey;

import java.time.Instant;

/** A survey as stored: sent for one solved conversation, answered (score, then maybe a comment) or not. */
public record Survey(
        String id,
        String conversationId,
        String channel,
        String account,
        String customerId,
        String helpdesk,
        SurveyType type,
        Instant sentAt,
        Instant answeredAt,
        Integer score,
        String answerMessageId,
        String comment,
        String commentMessageId) {
}
