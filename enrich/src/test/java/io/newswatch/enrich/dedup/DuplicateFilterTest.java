package io.newswatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.enrich.prepared.PreparedArticle;
import io.newswatch.enrich.recent.TimeOrderedLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private MockProcessorContext<String, PreparedArticle> context;
    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DuplicateFilter.STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** A filter started on the store as it is: a task starting, or starting again after a restart. */
    private DuplicateFilter started() {
        DuplicateFilter f = new DuplicateFilter(Duration.ofDays(7));
        f.init(context);
        return f;
    }

    private static Record<String, PreparedArticle> article(String id, String link, long t) {
        byte[] json = ("{\"storyId\":\"story-" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Record<>(id, new PreparedArticle(List.of("id:" + id, "link:" + link), OptionalLong.empty(), json, 12), t);
    }

    private List<String> passed() {
        List<String> keys = context.forwarded().stream().map(f -> (String) f.record().key()).toList();
        context.resetForwards();
        return keys;
    }

    @Test
    @DisplayName("after a restart the keys seen before are remembered: a copy within the retention is still dropped")
    void remembersAcrossARestart() {
        DuplicateFilter before = started();
        before.process(article("a", "https://x.com/a", 0));
        before.process(article("b", "https://x.com/b", DAY));
        assertThat(passed()).containsExactly("a", "b");

        DuplicateFilter after = started();
        after.process(article("a-copy", "https://x.com/a", 3 * DAY));
        after.process(article("c", "https://x.com/c", 4 * DAY));
        assertThat(passed()).containsExactly("c");
    }

    @Test
    @DisplayName("initialised again over restored stores (a revived task), the same object forgets what aborted work saw")
    void initAgainForgetsAbortedWork() {
        DuplicateFilter filter = started();
        filter.process(article("a", "https://x.com/a", 0));
        filter.process(article("b", "https://x.com/b", DAY)); // work whose transaction is then aborted
        assertThat(passed()).containsExactly("a", "b");

        setUp(); // the stores as restored: only what was committed, a's sighting
        started().process(article("a", "https://x.com/a", 0));
        passed();
        filter.init(context);
        filter.process(article("b", "https://x.com/b", DAY));
        filter.process(article("a-copy", "https://x.com/a", 2 * DAY));
        assertThat(passed()).containsExactly("b");
    }

    @Test
    @DisplayName("a dropped copy refreshes its keys: the item stays dropped while it keeps coming, also across a restart and a sweep")
    void droppedCopiesRefresh() {
        DuplicateFilter before = started();
        before.process(article("a", "https://x.com/a", 0));
        before.process(article("a2", "https://x.com/a", 6 * DAY));
        assertThat(passed()).containsExactly("a");

        DuplicateFilter after = started();
        after.process(article("z", "https://x.com/z", 9 * DAY));
        // The wall-clock sweep: the first sighting (day 0) goes, the refresh of day 6 keeps the link remembered.
        context.scheduledPunctuators().getLast().getPunctuator().punctuate(0);
        after.process(article("a3", "https://x.com/a", 9 * DAY + 1));
        assertThat(passed()).containsExactly("z");
        assertThat(count()).as("sightings of day 6 and 9 are kept, day 0 is swept").isEqualTo(3);
    }

    @Test
    @DisplayName("a key is forgotten by a sweep only when no later sighting refreshed it")
    void sweepForgetsOnlyExpiredKeys() {
        DuplicateFilter f = started();
        f.process(article("a", "https://x.com/a", 0));
        f.process(article("b", "https://x.com/b", 2 * DAY));
        f.process(article("late-next", "https://x.com/n", 9 * DAY)); // sweeps sightings before day 2
        passed();
        // A late copy at day 1.5 of "a": its sighting at day 0 was swept, so it passes; "b" at day 2 is still known.
        f.process(article("a-late", "https://x.com/a", DAY + DAY / 2));
        f.process(article("b-late", "https://x.com/b", 2 * DAY + 1));
        assertThat(passed()).containsExactly("a-late");
    }

    private int count() {
        int[] n = {0};
        new TimeOrderedLog(store).forEach((time, id, hashes) -> n[0]++);
        return n[0];
    }
}
