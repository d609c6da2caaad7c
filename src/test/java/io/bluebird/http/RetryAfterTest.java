package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Retry-After in both of RFC 9110's forms, and the three forms of its HTTP-date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @Test
    void secondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.of(headers("Retry-After", "120"), NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.of(headers("Retry-After", "0"), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anHttpDateInAnyOfItsThreeFormsIsTheWaitUntilThen() {
        assertThat(RetryAfter.of(headers("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(37));
        assertThat(RetryAfter.of(headers("Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT"), NOW)).as("RFC 850")
                .isEqualTo(Duration.ofSeconds(37));
        assertThat(RetryAfter.of(headers("Retry-After", "Sun Nov  6 08:49:37 1994"), NOW)).as("asctime")
                .isEqualTo(Duration.ofSeconds(37));
    }

    @Test
    void anRfc850YearIsTheOneWithinFiftyYearsOfNow() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertThat(RetryAfter.of(headers("Retry-After", "Tuesday, 24-Nov-26 10:01:00 GMT"), now))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aDateIsMeasuredFromTheResponsesOwnDateSoTheClocksMayDiffer() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "Tue, 24 Nov 2026 10:00:30 GMT");
        headers.add("Date", "Tue, 24 Nov 2026 10:00:00 GMT");

        assertThat(RetryAfter.of(headers, Instant.parse("2026-11-24T09:58:00Z"))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDatePastIsNoWaitAndWhatCannotBeReadIsNone() {
        assertThat(RetryAfter.of(headers("Retry-After", "Sun, 06 Nov 1994 08:48:00 GMT"), NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.of(headers("Retry-After", "soon"), NOW)).isNull();
        assertThat(RetryAfter.of(headers("Retry-After", "-5"), NOW)).isNull();
        assertThat(RetryAfter.of(headers("Retry-After", "Mon, 06 Nov 1994 08:49:37 GMT"), NOW))
                .as("the wrong weekday").isNull();
        assertThat(RetryAfter.of(new HttpHeaders(), NOW)).isNull();
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
