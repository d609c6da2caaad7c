package io.bluebird.model;

import java.time.Instant;

/** A customer's answer to a satisfaction survey: {@code csat} on 1-5 or {@code nps} on 0-10. */
public record SurveyResult(String type, int score, String scale, String comment, Instant answeredAt) {

    /** The tag that carries the score on a ticket, e.g. {@code csat_4} or {@code nps_9}. */
    public String tag() {
        return type + "_" + score;
    }
}
