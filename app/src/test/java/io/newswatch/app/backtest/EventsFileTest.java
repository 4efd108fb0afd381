package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("backtest report: the events file")
class EventsFileTest {

    @Test
    @DisplayName("reads the documented format; a date alone is its UTC start; other fields are ignored")
    void reads() {
        EventsFile f = EventsFile.parse("""
                stream: newsapi-2023
                events:
                  - title: Wagner mutiny in Russia
                    start: 2023-06-23T20:00:00Z
                    end: 2023-06-25T12:00:00Z
                    watches: [putin]
                    notes: labelled from the headlines
                  - title: Morocco earthquake
                    start: 2023-09-08T22:11+00:00
                    end: 2023-09-12
                    watches: earthquake
                """, "test");
        assertThat(f.stream()).isEqualTo("newsapi-2023");
        assertThat(f.events()).containsExactly(
                new LabelledEvent("Wagner mutiny in Russia", Instant.parse("2023-06-23T20:00:00Z"), Instant.parse("2023-06-25T12:00:00Z"),
                        List.of("putin")),
                new LabelledEvent("Morocco earthquake", Instant.parse("2023-09-08T22:11:00Z"), Instant.parse("2023-09-12T00:00:00Z"),
                        List.of("earthquake")));
    }

    @Test
    @DisplayName("a bad event is refused with its number, title and field")
    void refusesBadEvents() {
        assertThatThrownBy(() -> EventsFile.parse("events:\n  - {title: A, start: 2023-06-02T00:00:00Z, end: 2023-06-01T00:00:00Z, "
                + "watches: [x]}\n", "f.yaml")).hasMessageContaining("event #1 (A)").hasMessageContaining("must be before 'end'");
        assertThatThrownBy(() -> EventsFile.parse("events:\n  - {title: B, start: soon, end: 2023-06-01T00:00:00Z, watches: [x]}\n", "f"))
                .hasMessageContaining("'start' must be an ISO-8601 time").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> EventsFile.parse("events:\n  - {title: C, start: 2023-06-01, end: 2023-06-02}\n", "f"))
                .hasMessageContaining("event #1 (C): 'watches' must list at least one watch id");
        assertThatThrownBy(() -> EventsFile.parse("stream: x\n", "f")).hasMessageContaining("'events:' list");
    }
}
