package io.bluebird.model;

import java.time.Instant;

/** A customer's answer to a satisfaction survey: {@code csat} on 1-5 or {@code nps} on 0-10. */
public record SurveyResult(String type, int score, String scale, String comment, Instant answeredAt) {
}
