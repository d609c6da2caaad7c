package io.bluebird.survey;

import java.time.Instant;
import java.util.List;

/**
 * What the surveys of a period say, per channel, helpdesk and type: the answer of
 * {@code GET /api/surveys/summary?from=&to=}, and the figures behind the Prometheus gauges.
 */
public record SurveySummary(Instant from, Instant to, List<Row> rows) {

    /**
     * {@code csatAverage} is the mean score and {@code csatSatisfied} the share of 4s and 5s (CSAT surveys); {@code nps}
     * is the share of promoters (9-10) minus that of detractors (0-6), times 100 (NPS surveys). Null where nothing
     * was answered.
     */
    public record Row(String channel, String helpdesk, String type, long sent, long answered, Double responseRate,
                      Double csatAverage, Double csatSatisfied, Double nps) {

        static Row of(String channel, String helpdesk, SurveyType type, long sent, long answered, Double average,
                      long promoters, long detractors, long satisfied) {
            Double rate = sent == 0 ? null : round((double) answered / sent);
            boolean csat = type == SurveyType.CSAT && answered > 0;
            boolean nps = type == SurveyType.NPS && answered > 0;
            return new Row(channel, helpdesk, type.value(), sent, answered, rate,
                    csat ? round(average) : null, csat ? round((double) satisfied / answered) : null,
                    nps ? round(100.0 * (promoters - detractors) / answered) : null);
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
