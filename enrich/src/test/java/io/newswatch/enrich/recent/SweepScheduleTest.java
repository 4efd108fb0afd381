package io.newswatch.enrich.recent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SweepScheduleTest {

    @Test
    @DisplayName("a sweep is due each time event time has moved on by the span since the last one, never before")
    void dueOncePerSpanOfEventTime() {
        SweepSchedule s = new SweepSchedule(Duration.ofMillis(100));
        assertThat(s.newestMs()).isEqualTo(-1);
        assertThat(s.record(1_000)).isFalse();
        assertThat(s.record(1_099)).isFalse();
        assertThat(s.record(1_050)).as("an older record moves nothing").isFalse();
        assertThat(s.record(1_100)).isTrue();
        assertThat(s.newestMs()).isEqualTo(1_100);
        s.swept();
        assertThat(s.record(1_150)).isFalse();
        assertThat(s.record(1_200)).isTrue();
    }
}
