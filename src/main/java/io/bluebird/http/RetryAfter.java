package io.bluebird.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * Reads a response's {@code Retry-After} (RFC 9110 §10.2.3), for the {@link RetryLater} failures of the helpdesk and
 * channel clients: delay-seconds, or an HTTP-date.
 */
public final class RetryAfter {

    /**
     * The three forms of an HTTP-date (RFC 9110 §5.6.7), which a recipient must all accept: IMF-fixdate
     * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}, its
     * two-digit year taken within fifty years of now) and asctime ({@code Sun Nov  6 08:49:37 1994}).
     */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(50))
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {
    }

    /**
     * How long the response asks to wait. A date is measured from the response's own {@code Date} when it has one
     * (the two clocks may differ), from {@code now} otherwise, and one already past is no wait. Null when there is
     * no Retry-After or it cannot be read.
     */
    public static Duration of(HttpHeaders headers, Instant now) {
        Optional<String> value = Optional.ofNullable(headers.getFirst("Retry-After")).map(String::strip);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get().matches("\\d{1,18}")) {
            return Duration.ofSeconds(Long.parseLong(value.get()));
        }
        Instant at = httpDate(value.get());
        if (at == null) {
            return null;
        }
        Instant from = Optional.ofNullable(headers.getFirst("Date")).map(RetryAfter::httpDate).orElse(now);
        Duration wait = Duration.between(from, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Instant httpDate(String text) {
        for (DateTimeFormatter form : HTTP_DATES) {
            try {
                return ZonedDateTime.parse(text, form).toInstant();
            } catch (DateTimeParseException notThisForm) {
                // the next form, if any, may read it
            }
        }
        return null;
    }
}
