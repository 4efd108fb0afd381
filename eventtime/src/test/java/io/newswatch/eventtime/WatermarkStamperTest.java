package io.newswatch.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatermarkStamperTest {

    private static final String STORE = "s";
    private static final WatermarkPolicy LIVE = WatermarkPolicy.derived(Duration.ofMinutes(5), Duration.ofSeconds(30));

    private MockProcessorContext<String, String> context;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(0);
        // The mock context gives a caching layer no record context; caching changes only when the changelog is written.
        KeyValueStore<Integer, Long> store = WatermarkStamper.storeBuilder(STORE).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private WatermarkStamper<String> stamper(WatermarkPolicy policy, int partition) {
        context.setRecordMetadata("raw", partition, 0);
        WatermarkStamper<String> s = new WatermarkStamper<>(STORE, policy, v -> true);
        s.init(context);
        return s;
    }

    private void process(WatermarkStamper<String> s, int partition, long offset, long time) {
        context.setRecordMetadata("raw", partition, offset);
        s.process(new Record<>("k" + offset, "v", time));
    }

    /** The watermarks forwarded so far, in order. */
    private List<Watermark> marks() {
        return context.forwarded().stream().map(f -> f.record())
                .filter(r -> Watermark.isWatermark(r.key(), r.headers())).map(r -> Watermark.from(r.headers())).toList();
    }

    private void tick(long wallMs) {
        context.scheduledPunctuators().getLast().getPunctuator().punctuate(wallMs);
    }

    @Test
    @DisplayName("a finite partition is idle as soon as its last record is read, with no wall-clock wait")
    void idleAtTheEnd() {
        WatermarkStamper<String> s = stamper(LIVE.withInputEnds(Map.of(0, 3L)), 0);
        process(s, 0, 0, 1_000);
        process(s, 0, 1, 2_000);
        assertThat(marks()).noneMatch(Watermark::idle);
        process(s, 0, 2, 3_000);
        assertThat(marks().getLast()).isEqualTo(new Watermark(0, 3_000 - Duration.ofMinutes(5).toMillis(), true));
    }

    @Test
    @DisplayName("a finite partition with nothing in it is idle at the first tick")
    void emptyIsIdle() {
        stamper(LIVE.withInputEnds(Map.of(0, 0L, 1, 5L)), 0);
        tick(0);
        assertThat(marks()).extracting(Watermark::idle).containsExactly(true);
    }

    @Test
    @DisplayName("read to its end before a restart, a partition says it is idle again after the restart, and again later")
    void endSurvivesARestart() {
        WatermarkStamper<String> before = stamper(LIVE.withInputEnds(Map.of(0, 1L)), 0);
        process(before, 0, 0, 1_000);
        context.resetForwards();

        stamper(LIVE.withInputEnds(Map.of(0, 1L)), 0);
        tick(0);
        tick(1_000);
        tick(31_000);
        assertThat(marks()).extracting(Watermark::idle).containsExactly(true, true);
    }

    @Test
    @DisplayName("a finite partition not yet at its end is not idle before the wall-clock idle time, whatever the pause")
    void notIdleBeforeTheEnd() {
        WatermarkStamper<String> s = stamper(LIVE.withInputEnds(Map.of(0, 10L)), 0);
        process(s, 0, 0, 1_000);
        tick(context.currentSystemTimeMs() + 29_000);
        assertThat(marks()).noneMatch(Watermark::idle);
    }
}
