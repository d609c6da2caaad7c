package io.bluebird.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.bluebird.model.InvalidInput;
import org.springframework.stereotype.Component;

/** {@code GET /api/surveys/summary?from=&to=}: dates or instants; by default the last 30 days. */
@Component("surveyReport")
public class SurveyReport {

    private final SurveyStore store;
    private final Clock clock;

    public SurveyReport(SurveyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public SurveySummary summary(String from, String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : parse("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30))
                : parse("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidInput("from", "'from' must be before 'to'");
        }
        return new SurveySummary(start, end, store.summary(start, end));
    }

    /** A date means the start of that day (UTC) for {@code from}, and the end of it for {@code to}. */
    private static Instant parse(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "'" + field + "' must be a date (2026-11-01) or an instant"
                    + " (2026-11-01T00:00:00Z), not '" + value + "'");
        }
    }
}
