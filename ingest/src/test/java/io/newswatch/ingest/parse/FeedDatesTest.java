package io.newswatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    private static final Instant EXPECTED = Instant.parse("2025-10-17T06:45:00Z");

    @ParameterizedTest(name = "{0}")
    @DisplayName("reads RFC 822 and ISO 8601 variants seen in feeds as the same instant")
    @ValueSource(strings = {
            "Fri, 17 Oct 2025 06:45:00 GMT", "Fri, 17 Oct 2025 06:45:00 +0000", "17 Oct 2025 08:45:00 +0200",
            "Fri, 17 Oct 25 06:45:00 GMT", "Fri, 17 Oct 2025 02:45 EDT", "Friday, 17 October 2025 06:45:00 UT",
            "Fri, 17 Oct 2025 06:45:00 Z", "Fri, 17 Oct 2025 01:45:00 -0500", "fri, 17 oct 2025 06:45:00 gmt",
            "Fri, 17 Oct 2025 08:45:00 +02:00", "  Fri, 17 Oct 2025 06:45:00 GMT  ", "Fri, 17 Oct 2025 06:45:00 GMT (UTC)",
            "2025-10-17T06:45:00Z", "2025-10-17T08:45:00+02:00", "2025-10-17T08:45+02:00", "2025-10-17 06:45:00",
            "2025-10-17T06:45:00+0000", "2025-10-17T06:45:00 UTC", "20251017T064500Z", "2025-10-17t06:45:00z"})
    void variants(String text) {
        assertThat(FeedDates.parse(text)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("keeps fractional seconds")
    @ValueSource(strings = {"2025-10-17T06:45:00.123456Z", "2025-10-17T06:45:00,123456Z"})
    void fractions(String text) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse("2025-10-17T06:45:00.123456Z"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("two-digit years follow RFC 2822: below 50 is 20xx, else 19xx")
    @ValueSource(strings = {"Mon, 01 Jan 99 00:00:00 GMT"})
    void twoDigitYears(String text) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse("1999-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("returns null for what is not a date, or names an unknown zone, instead of guessing")
    @ValueSource(strings = {"", "sometime last week", "Fri, 32 Oct 2025 06:45:00 GMT", "2025-13-01T00:00:00Z",
            "Fri, 17 Foo 2025 06:45:00 GMT", "Fri, 17 Oct 2025 06:45:00 XYZT"})
    void garbage(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a date without a time is midnight UTC")
    void dateOnly() {
        assertThat(FeedDates.parse("2025-10-17")).isEqualTo(Instant.parse("2025-10-17T00:00:00Z"));
        assertThat(FeedDates.parse("17 Oct 2025")).isEqualTo(Instant.parse("2025-10-17T00:00:00Z"));
    }
}
