package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("backtest report: the days a report covers")
class MatchTallyTest {

    @Test
    @DisplayName("a stray date (a headline of 1970 among 20,000 of 2023) does not stretch the report; it is named in the notes")
    void strayDatesAreLeftOut() {
        MatchTally tally = new MatchTally();
        Instant start = Instant.parse("2023-06-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            tally.add(start.plusSeconds(i * 60L), List.of("quake"));
        }
        tally.add(Instant.parse("1970-01-01T00:00:00Z"), List.of("quake"));
        BacktestData data = tally.build("p.", List.of(HandMadeBacktest.QUAKE), List.of(), null, null, List.of());
        assertThat(data.firstDay()).isEqualTo(LocalDate.parse("2023-06-01"));
        assertThat(data.lastDay()).isEqualTo(LocalDate.parse("2023-06-14"));
        assertThat(data.articles()).isEqualTo(20_000);
        assertThat(data.watches().get(0).total()).isEqualTo(20_000);
        assertThat(data.notes()).singleElement().asString().contains("1 enriched articles before 2023-06-01");
    }

    @Test
    @DisplayName("--since and --until fix the days; a watch's counts land in their UTC hour")
    void explicitBounds() {
        MatchTally tally = new MatchTally();
        tally.add(Instant.parse("2023-06-02T13:59:59Z"), List.of("quake"));
        tally.add(Instant.parse("2023-06-02T14:00:00Z"), List.of("quake", "summit"));
        tally.add(Instant.parse("2023-06-05T00:00:00Z"), List.of("quake"));
        BacktestData data = tally.build("p.", List.of(HandMadeBacktest.QUAKE, HandMadeBacktest.SUMMIT), List.of(),
                Instant.parse("2023-06-02T06:00:00Z"), Instant.parse("2023-06-05T00:00:00Z"), List.of());
        assertThat(data.firstDay()).isEqualTo(LocalDate.parse("2023-06-02"));
        assertThat(data.days()).isEqualTo(3);
        WatchCounts quake = data.watches().get(0);
        assertThat(quake.hour(0, 13)).isEqualTo(1);
        assertThat(quake.hour(0, 14)).isEqualTo(1);
        assertThat(quake.total()).isEqualTo(2);
        assertThat(data.watches().get(1).what()).isEqualTo("tag summit");
        assertThat(data.notes()).singleElement().asString().contains("1 after 2023-06-04");
    }

    @Test
    @DisplayName("an empty backtest cannot be judged")
    void empty() {
        assertThatThrownBy(() -> new MatchTally().build("p.", List.of(), List.of(), null, null, List.of()))
                .hasMessageContaining("holds no enriched articles");
    }
}
