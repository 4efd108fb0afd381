package io.newswatch.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventTimeMergeTest {

    private static final EventTimeMerge.Names NAMES = new EventTimeMerge.Names("m");

    private MockProcessorContext<String, byte[]> context;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<Bytes, byte[]> buffer = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NAMES.buffer()),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        KeyValueStore<Integer, byte[]> marks = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NAMES.marks()),
                Serdes.Integer(), Serdes.ByteArray()).withLoggingDisabled().build();
        buffer.init(context.getStateStoreContext(), buffer);
        marks.init(context.getStateStoreContext(), marks);
        context.addStateStore(buffer);
        context.addStateStore(marks);
    }

    private EventTimeMerge merge(int partitions, EventTimeMerge.LatePolicy late, MergeProgress progress) {
        EventTimeMerge m = new EventTimeMerge(NAMES, "test", partitions, late, true, progress);
        m.init(context);
        return m;
    }

    private static Record<String, byte[]> article(String id, long t) {
        return new Record<>(id, id.getBytes(StandardCharsets.UTF_8), t);
    }

    private static Record<String, byte[]> mark(int partition, long t, boolean idle) {
        Watermark w = new Watermark(partition, t, idle);
        return new Record<>(Watermark.KEY, null, w.recordTimestamp(), w.toHeaders());
    }

    private List<String> released() {
        return context.forwarded().stream().map(f -> f.record())
                .filter(r -> !Watermark.isWatermark(r.key(), r.headers()))
                .map(r -> r.key() + "@" + r.timestamp()).toList();
    }

    @Test
    @DisplayName("records from partitions far apart in event time come out in event-time order, each once every partition has passed it")
    void releasesInEventTimeOrderOnceEveryPartitionHasPassed() {
        EventTimeMerge m = merge(2, EventTimeMerge.LatePolicy.DROP, null);
        // Partition 0 runs days ahead of partition 1.
        m.process(article("p0-a", 5_000));
        m.process(article("p0-b", 9_000));
        m.process(mark(0, 9_000, false));
        assertThat(released()).as("partition 1 has not spoken: nothing may go").isEmpty();
        m.process(article("p1-a", 1_000));
        m.process(article("p1-b", 6_000));
        m.process(mark(1, 6_000, false));
        assertThat(released()).containsExactly("p1-a@1000", "p0-a@5000");
        m.process(article("p1-c", 8_000));
        m.process(mark(1, 20_000, false));
        assertThat(released()).containsExactly("p1-a@1000", "p0-a@5000", "p1-b@6000", "p1-c@8000");
    }

    @Test
    @DisplayName("ties in event time are released by key, whatever order they arrived in")
    void tiesAreReleasedByKey() {
        EventTimeMerge m = merge(1, EventTimeMerge.LatePolicy.DROP, null);
        m.process(article("c", 100));
        m.process(article("a", 100));
        m.process(article("b", 100));
        m.process(mark(0, 101, false));
        assertThat(released()).containsExactly("a@100", "b@100", "c@100");
    }

    @Test
    @DisplayName("a record marked late upstream is dropped and counted under DROP, forwarded and counted under FORWARD")
    void lateRecordsAreCountedAndHandledByPolicy() {
        MergeProgress progress = new MergeProgress();
        EventTimeMerge m = merge(1, EventTimeMerge.LatePolicy.DROP, progress);
        m.process(article("a", 100).withHeaders(Watermark.lateHeaders(new RecordHeaders())));
        m.process(mark(0, 50, false));
        m.process(article("b", 10)); // behind the released position
        assertThat(released()).isEmpty();
        assertThat(progress.late()).isEqualTo(2);

        context.resetForwards();
        MergeProgress kept = new MergeProgress();
        EventTimeMerge forwarding = new EventTimeMerge(new EventTimeMerge.Names("m"), "test", 1, EventTimeMerge.LatePolicy.FORWARD, false, kept);
        forwarding.init(context);
        forwarding.process(article("c", 10));
        assertThat(released()).containsExactly("c@10");
        assertThat(context.forwarded().get(0).record().headers().lastHeader(Watermark.LATE_HEADER)).isNotNull();
        assertThat(kept.late()).isEqualTo(1);
    }

    @Test
    @DisplayName("an idle partition is left out of the minimum; when every partition is idle, everything buffered is released")
    void idlePartitionsDoNotHoldBackAndAllIdleDrains() {
        MergeProgress progress = new MergeProgress();
        EventTimeMerge m = merge(2, EventTimeMerge.LatePolicy.DROP, progress);
        m.process(mark(1, Long.MIN_VALUE, true)); // a partition that never had a record
        m.process(article("a", 100));
        m.process(article("b", 300));
        m.process(mark(0, 200, false));
        assertThat(released()).containsExactly("a@100");
        assertThat(progress.drained()).isFalse();
        m.process(mark(0, 200, true));
        assertThat(released()).containsExactly("a@100", "b@300");
        assertThat(progress.drained()).isTrue();
        assertThat(progress.buffered()).isZero();
        assertThat(progress.eventTimeMs()).as("everything up to 300 inclusive has gone").isEqualTo(301);
    }

    @Test
    @DisplayName("after a restart, a partition that was idle holds the others back until it says again that it is idle")
    void idlenessIsForgottenOnRestart() {
        EventTimeMerge m = merge(2, EventTimeMerge.LatePolicy.DROP, null);
        m.process(mark(1, 100, true));
        m.process(mark(0, 100, false));
        EventTimeMerge restarted = merge(2, EventTimeMerge.LatePolicy.DROP, null);
        context.resetForwards();
        restarted.process(article("a", 500));
        restarted.process(mark(0, 1_000, false));
        assertThat(released()).as("partition 1 may have a backlog now").isEmpty();
        restarted.process(mark(1, 100, true));
        assertThat(released()).containsExactly("a@500");
    }

    @Test
    @DisplayName("more records than one release batch come out complete and in order, by watermark and by an all-idle flush")
    void largeReleasesInBatches() {
        EventTimeMerge m = merge(1, EventTimeMerge.LatePolicy.DROP, null);
        for (int i = 12_345; i > 0; i--) {
            m.process(article(String.format("a%05d", i), i));
        }
        m.process(mark(0, 6_001, false));
        List<String> first = released();
        assertThat(first).hasSize(6_000).isSorted();
        assertThat(first.get(0)).isEqualTo("a00001@1");
        context.resetForwards();
        m.process(mark(0, 6_001, true));
        List<String> rest = released();
        assertThat(rest).hasSize(12_345 - 6_000);
        assertThat(rest.get(0)).isEqualTo("a06001@6001");
        assertThat(rest.get(rest.size() - 1)).isEqualTo("a12345@12345");
    }

    @Test
    @DisplayName("the very same record twice is released once and counted")
    void identicalRecordsCollapse() {
        EventTimeMerge m = merge(1, EventTimeMerge.LatePolicy.DROP, null);
        m.process(article("a", 100));
        m.process(article("a", 100));
        m.process(mark(0, 1_000, false));
        assertThat(released()).containsExactly("a@100");
    }

    @Test
    @DisplayName("downstream gets a watermark after each release, carrying the released time")
    void forwardsWatermarksDownstream() {
        EventTimeMerge m = merge(1, EventTimeMerge.LatePolicy.DROP, null);
        m.process(article("a", 100));
        m.process(mark(0, 1_000, false));
        var last = context.forwarded().get(context.forwarded().size() - 1).record();
        assertThat(Watermark.isWatermark(last.key(), last.headers())).isTrue();
        assertThat(Watermark.from(last.headers()).timeMs()).isEqualTo(1_000);
    }

    @Test
    @DisplayName("the released position and the upstream watermarks survive a restart (they are in the stores)")
    void stateSurvivesRestart() {
        EventTimeMerge m = merge(2, EventTimeMerge.LatePolicy.DROP, null);
        m.process(mark(0, 500, false));
        m.process(article("a", 600));
        m.process(mark(1, 400, false));
        EventTimeMerge restarted = merge(2, EventTimeMerge.LatePolicy.DROP, null);
        context.resetForwards();
        restarted.process(mark(1, 700, false));
        assertThat(released()).as("partition 0 is known to be at 500 still").isEmpty();
        restarted.process(mark(0, 800, false));
        assertThat(released()).containsExactly("a@600");
    }
}
