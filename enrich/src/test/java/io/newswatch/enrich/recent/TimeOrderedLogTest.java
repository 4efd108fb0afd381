package io.newswatch.enrich.recent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log on the store it is built for (RocksDB, record cache, changelog), driven by a processor that takes commands:
 * each input record is one task's work between two commits (the test driver commits after each), so the puts of one
 * command show what the record cache makes of a page's rewrites.
 */
class TimeOrderedLogTest {

    private static final String STORE = "log";
    private static final String CHANGELOG = "log-test-" + STORE + "-changelog";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> commands;
    private TestOutputTopic<String, String> handed;
    private TestOutputTopic<Bytes, byte[]> changelog;

    /** Commands, separated by ';': put TIME ID VALUE, old TIME ID VALUE (an entry of the layout before pages), expire CUTOFF,
     *  restart (the log built again over the store, as a task starting on it), dump (every entry, out in order). */
    private static final class Commands implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<Bytes, byte[]> store;
        private TimeOrderedLog log;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            this.log = new TimeOrderedLog(store);
        }

        @Override
        public void process(Record<String, String> record) {
            for (String command : record.value().split(";")) {
                String[] w = command.trim().split(" ");
                switch (w[0]) {
                    case "put" -> log.put(Long.parseLong(w[1]), Long.parseLong(w[2]), w[3].getBytes(UTF_8));
                    case "old" -> store.put(TimeOrderedLog.oldLayoutKey(Long.parseLong(w[1]), Long.parseLong(w[2])), w[3].getBytes(UTF_8));
                    case "expire" -> log.expireBefore(Long.parseLong(w[1]), (t, id, v) -> out("expired", t, id, v));
                    case "restart" -> log = new TimeOrderedLog(store);
                    case "dump" -> log.forEach((t, id, v) -> out("entry", t, id, v));
                    default -> throw new IllegalArgumentException(command);
                }
            }
        }

        private void out(String kind, long time, long id, byte[] value) {
            context.forward(new Record<>(kind, time + " " + id + " " + new String(value, UTF_8), 0L));
        }
    }

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("commands", new StringDeserializer(), new StringDeserializer(), "commands");
        topology.addProcessor("log", Commands::new, "commands");
        topology.addStateStore(TimeOrderedLog.storeBuilder(STORE), "log");
        topology.addSink("out", "out", new StringSerializer(), new StringSerializer(), "log");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "log-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props);
        commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
        handed = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
        changelog = driver.createOutputTopic(CHANGELOG, new BytesDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void run(String commandsOfOneCommit) {
        commands.pipeInput("c", commandsOfOneCommit);
    }

    private List<String> dump() {
        handed.readRecordsToList();
        run("dump");
        return handed.readRecordsToList().stream().map(TestRecord::value).toList();
    }

    private List<String> expire(long cutoff) {
        handed.readRecordsToList();
        run("expire " + cutoff);
        return handed.readRecordsToList().stream().map(TestRecord::value).toList();
    }

    private static String puts(int fromTime, int count) {
        StringBuilder s = new StringBuilder();
        for (int t = fromTime; t < fromTime + count; t++) {
            s.append("put ").append(t).append(' ').append(t * 7L).append(" v").append(t).append(';');
        }
        return s.toString();
    }

    private static List<String> entries(int fromTime, int count) {
        List<String> e = new ArrayList<>();
        for (int t = fromTime; t < fromTime + count; t++) {
            e.add(t + " " + t * 7L + " v" + t);
        }
        return e;
    }

    @Test
    @DisplayName("a thousand puts in one commit interval are a few pages: a few changelog records, all read back in order")
    void pagesCollapsePutsIntoFewRecords() {
        run(puts(0, 1000));

        List<TestRecord<Bytes, byte[]>> written = changelog.readRecordsToList();
        assertThat(written.size()).as("pages of up to %d bytes, entries of some 30", TimeOrderedLog.PAGE_BYTES).isBetween(5, 10);
        assertThat(written).allSatisfy(page -> assertThat(page.value().length).isLessThan(TimeOrderedLog.PAGE_BYTES + 100));
        assertThat(dump()).isEqualTo(entries(0, 1000));
    }

    @Test
    @DisplayName("expiry hands over the entries before the cutoff in time order, deletes whole pages, rewrites a partly expired one")
    void expiryByPages() {
        run(puts(0, 1000));
        changelog.readRecordsToList();

        assertThat(expire(500)).isEqualTo(entries(0, 500));
        List<TestRecord<Bytes, byte[]>> written = changelog.readRecordsToList();
        long tombstones = written.stream().filter(r -> r.value() == null).count();
        assertThat(tombstones).as("one per page, not per entry").isBetween(2L, 5L);
        assertThat(written.size() - tombstones).as("the page the cutoff falls in, written again with its rest").isEqualTo(1);
        assertThat(dump()).isEqualTo(entries(500, 500));

        assertThat(expire(500)).as("nothing twice").isEmpty();
        assertThat(expire(501)).containsExactly("500 3500 v500");
        assertThat(dump()).isEqualTo(entries(501, 499));
    }

    @Test
    @DisplayName("pages expired whole, some written in an earlier commit, some not, then a put: deleted pages are not read back")
    void putAfterEveryPageExpired() {
        run(puts(0, 300));
        handed.readRecordsToList();
        run(puts(300, 300) + "expire 1000;put 2000 1 new;put 2001 1 newer");
        assertThat(handed.readRecordsToList().stream().map(TestRecord::value).toList()).isEqualTo(entries(0, 600));
        assertThat(dump()).containsExactly("2000 1 new", "2001 1 newer");
        run("restart;put 1500 1 late");
        assertThat(dump()).containsExactly("1500 1 late", "2000 1 new", "2001 1 newer");
    }

    @Test
    @DisplayName("entries out of time order: read back sorted, and expiry hands over exactly those before the cutoff, in order")
    void outOfOrderEntries() {
        run("put 100 1 a;put 50 1 b;put 200 1 c;put 150 1 d;put 99 2 e;put 99 1 f;put 10 1 g");
        assertThat(dump()).containsExactly("10 1 g", "50 1 b", "99 1 f", "99 2 e", "100 1 a", "150 1 d", "200 1 c");

        assertThat(expire(100)).containsExactly("10 1 g", "50 1 b", "99 1 f", "99 2 e");
        run("put 20 1 late;put 120 1 h");
        assertThat(expire(101)).as("a late entry before an earlier cutoff expires at the next expiry")
                .containsExactly("20 1 late", "100 1 a");
        assertThat(dump()).containsExactly("120 1 h", "150 1 d", "200 1 c");
    }

    @Test
    @DisplayName("late entries that all fall in one old page grow it until it splits: no page is written past twice the size")
    void pageGrownByLateEntriesSplits() {
        run(puts(0, 1000));
        StringBuilder late = new StringBuilder();
        for (int id = 1; id <= 1000; id++) {
            late.append("put 500 ").append(-id).append(" late;"); // ids above 3500 as unsigned: after "500 3500 v500"
        }
        run(late.toString());

        assertThat(changelog.readRecordsToList())
                .allSatisfy(page -> assertThat(page.value().length).isLessThan(2 * TimeOrderedLog.PAGE_BYTES));
        List<String> expected = new ArrayList<>(entries(0, 501));
        for (int id = 1000; id >= 1; id--) {
            expected.add("500 " + -id + " late");
        }
        expected.addAll(entries(501, 499));
        assertThat(dump()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a put at a time and id already in the log replaces the entry, as one key per entry did")
    void sameTimeAndIdReplaces() {
        run("put 5 1 a;put 6 1 b;put 5 1 c");
        assertThat(dump()).containsExactly("5 1 c", "6 1 b");
    }

    @Test
    @DisplayName("random times across many pages, expiries and restarts: the log always holds what a sorted map of the puts holds")
    void matchesASortedMap() {
        Random random = new Random(42);
        TreeMap<String, String> expected = new TreeMap<>(Comparator.comparingLong((String k) -> Long.parseLong(k.split(" ")[0]))
                .thenComparing((a, b) -> Long.compareUnsigned(Long.parseLong(a.split(" ")[1]), Long.parseLong(b.split(" ")[1]))));
        long newest = 0;
        for (int round = 0; round < 30; round++) {
            StringBuilder commit = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                // Mostly in time order, some late by up to a few thousand, ids negative too (unsigned order).
                long time = random.nextInt(10) < 8 ? newest + random.nextInt(20) : newest - random.nextInt(3000);
                newest = Math.max(newest, time);
                long id = random.nextLong() % 4; // few ids: replacing puts happen
                String value = "r" + round + "i" + i;
                commit.append("put ").append(time).append(' ').append(id).append(' ').append(value).append(';');
                expected.put(time + " " + id, value);
            }
            if (round % 3 == 2) {
                commit.append("restart;");
            }
            run(commit.toString());
            if (round % 4 == 3) {
                long cutoff = newest - 2000 - random.nextInt(1000);
                List<String> before = expected.headMap(cutoff + " 0").entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList();
                assertThat(expire(cutoff)).as("round %d, cutoff %d", round, cutoff).isEqualTo(before);
                expected.headMap(cutoff + " 0").clear();
            }
            assertThat(dump()).as("round %d", round).isEqualTo(expected.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList());
        }
    }

    @Test
    @DisplayName("after a restart the log goes on where it was: every entry read back, new ones in order after them")
    void restart() {
        run(puts(0, 300));
        run("restart");
        run(puts(300, 300));
        changelog.readRecordsToList();
        run("restart;" + puts(600, 10));
        assertThat(changelog.readRecordsToList()).as("the page written last goes on taking entries").hasSize(1);
        assertThat(dump()).isEqualTo(entries(0, 610));
    }

    @Test
    @DisplayName("entries of the layout before pages (one per key) are read, expired and taken into pages")
    void oldLayout() {
        run("old 10 1 a;old 20 1 b;old 30 1 c");
        run("restart;put 40 1 d;put 25 1 e;put 30 1 f");
        assertThat(dump()).containsExactly("10 1 a", "20 1 b", "25 1 e", "30 1 f", "40 1 d");

        assertThat(expire(21)).containsExactly("10 1 a", "20 1 b");
        assertThat(dump()).containsExactly("25 1 e", "30 1 f", "40 1 d");
        assertThat(expire(100)).containsExactly("25 1 e", "30 1 f", "40 1 d");
        assertThat(dump()).isEmpty();
    }
}
