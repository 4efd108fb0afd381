package io.newswatch.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("import: external sort by event time")
class ImportSortTest {

    @TempDir
    Path tmp;

    private static EventTimeSorter.Entry entry(long millis, String id) {
        return new EventTimeSorter.Entry(millis, id, ("{\"id\":\"" + id + "\",\"t\":\"tab\\tand\\nnewline\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("with a tiny chunk it spills, merges the runs ascending by event time then id, and deletes the spills")
    void spillsAndMerges() throws Exception {
        Random random = new Random(42);
        List<EventTimeSorter.Entry> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(entry(random.nextInt(50) * 1000L, "id-" + random.nextInt(1000)));
        }
        List<EventTimeSorter.Entry> out = new ArrayList<>();
        try (EventTimeSorter sorter = new EventTimeSorter(7, Long.MAX_VALUE, tmp)) {
            input.forEach(sorter::add);
            assertThat(sorter.spills()).isEqualTo(500 / 7);
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files).hasSize(500 / 7);
            }
            sorter.drain(out::add);
        }

        assertThat(out).hasSize(500).isSortedAccordingTo(EventTimeSorter.ORDER);
        List<EventTimeSorter.Entry> expected = new ArrayList<>(input);
        expected.sort(EventTimeSorter.ORDER);
        assertThat(out).extracting(EventTimeSorter.Entry::id).containsExactlyElementsOf(expected.stream().map(EventTimeSorter.Entry::id).toList());
        // The JSON comes back byte for byte, escapes included.
        assertThat(new String(out.get(0).value(), StandardCharsets.UTF_8)).contains("tab\\tand\\nnewline");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).as("spills deleted").isEmpty();
        }
    }

    @Test
    @DisplayName("a chunk also spills when it holds too many bytes, whatever its count")
    void byteBudget() {
        try (EventTimeSorter sorter = new EventTimeSorter(1_000_000, 1_000, tmp)) {
            for (int i = 0; i < 40; i++) {
                sorter.add(entry(40 - i, "a" + i));
            }
            assertThat(sorter.spills()).isPositive();
            List<Long> times = new ArrayList<>();
            sorter.drain(e -> times.add(e.eventMillis()));
            assertThat(times).hasSize(40).isSorted();
        }
    }

    @Test
    @DisplayName("small inputs sort in memory, with no file at all")
    void inMemory() throws Exception {
        List<String> ids = new ArrayList<>();
        try (EventTimeSorter sorter = new EventTimeSorter(100, Long.MAX_VALUE, tmp)) {
            sorter.add(entry(2, "b"));
            sorter.add(entry(1, "z"));
            sorter.add(entry(2, "a"));
            sorter.drain(e -> ids.add(e.id()));
            assertThat(sorter.spills()).isZero();
        }
        assertThat(ids).containsExactly("z", "a", "b");
    }

    @Test
    @DisplayName("the id set says whether an id is new, across growth")
    void idSet() {
        IdSet set = new IdSet();
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add("u-" + i)).isTrue();
        }
        assertThat(set.add("u-5")).isFalse();
        assertThat(set.add("u-99999")).isFalse();
        assertThat(set.size()).isEqualTo(100_000);
    }
}
