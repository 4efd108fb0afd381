package io.newswatch.eventtime;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downstream half of an event-time merge: reads the records and {@link Watermark}s that the
 * {@link WatermarkStamper}s of every upstream partition wrote into one repartition partition, and forwards
 * the records in event-time order (then record key, then content), each once the minimum watermark over all
 * upstream partitions has passed it. What it forwards is therefore the same sequence however the upstream
 * partitions were spread over instances and threads and however far apart in event time they ran.
 *
 * <p>Records wait in a changelogged persistent store (a backlog of days can be buffered without heap);
 * the watermarks of the upstream partitions and the released position live in a second, small store.
 * Values are kept as the bytes the repartition topic carried, so buffering costs no extra (de)serialization.
 *
 * <p>Until every one of the {@code upstreamPartitions} has sent a watermark nothing is released. An idle
 * partition is left out of the minimum; when every partition is idle, everything buffered is released (the
 * input is exhausted: the end of a replay, or a quiet spell live). A record that then arrives for a time already
 * released, or that its stamper marked late, is late: {@link LatePolicy} says whether it is still forwarded
 * (enrich keeps every article) or dropped (detection), and either way it is counted.
 *
 * <p>With {@code forwardWatermarks}, after each release a watermark record (key {@link Watermark#KEY}, no
 * value) tells downstream processors that every record before its time has been forwarded.
 */
public final class EventTimeMerge implements Processor<String, byte[], String, byte[]> {

    /** What to do with a record that arrives after its time has been released. */
    public enum LatePolicy { FORWARD, DROP }

    /** Sensor counting late records (metric {@code late-records-total} in the merge's metrics scope). */
    public static final String LATE_RECORDS = "late-records";

    private static final Logger LOG = LoggerFactory.getLogger(EventTimeMerge.class);
    /** Marks-store key of the released position. */
    private static final int RELEASED = -1;
    /** The furthest an all-idle merge moves event time on to the wall clock (see {@link WatermarkPolicy#clockWhenIdle()}). */
    static final long MAX_CLOCK_JUMP_MS = Duration.ofHours(1).toMillis();
    /** Records released per store scan, so a flush of a large buffer does not hold them all in memory. */
    private static final int RELEASE_BATCH = 5_000;

    private final String bufferStoreName;
    private final String marksStoreName;
    private final String metricsScope;
    private final LatePolicy latePolicy;
    private final boolean forwardWatermarks;
    private final MergeProgress progress;
    private final long clockLagWhenIdleMs;
    private int upstreamPartitions;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<Bytes, byte[]> buffer;
    private KeyValueStore<Integer, byte[]> marksStore;
    private final Map<Integer, Watermark> marks = new HashMap<>();
    private long released = Long.MIN_VALUE;
    private long bufferedCount;
    private Sensor lateSensor;
    private Sensor identicalSensor;
    private long late;

    public EventTimeMerge(Names names, String metricsScope, int upstreamPartitions, LatePolicy latePolicy, boolean forwardWatermarks,
                          MergeProgress progress) {
        this(names, metricsScope, upstreamPartitions, latePolicy, forwardWatermarks, progress, null);
    }

    /**
     * @param clockLagWhenIdle when not null, an all-idle input moves the released position on to the wall clock minus
     *                         this (see {@link WatermarkPolicy#clockWhenIdle()})
     */
    public EventTimeMerge(Names names, String metricsScope, int upstreamPartitions, LatePolicy latePolicy, boolean forwardWatermarks,
                          MergeProgress progress, Duration clockLagWhenIdle) {
        if (upstreamPartitions < 1) {
            throw new IllegalArgumentException("upstream partitions must be >= 1, got " + upstreamPartitions);
        }
        this.bufferStoreName = names.buffer();
        this.marksStoreName = names.marks();
        this.metricsScope = metricsScope;
        this.upstreamPartitions = upstreamPartitions;
        this.latePolicy = latePolicy;
        this.forwardWatermarks = forwardWatermarks;
        this.progress = progress == null ? new MergeProgress() : progress;
        this.clockLagWhenIdleMs = clockLagWhenIdle == null ? -1 : clockLagWhenIdle.toMillis();
    }

    /** The names of the two stores of one merge, derived from one prefix. */
    public record Names(String prefix) {
        public String buffer() {
            return prefix + "-buffer";
        }

        public String marks() {
            return prefix + "-watermarks";
        }

        public String[] all() {
            return new String[] {buffer(), marks()};
        }
    }

    /**
     * The buffer: persistent (RocksDB) with a changelog, behind a Streams record cache. Most records are released within
     * a commit interval of their arrival; the cache then absorbs the pair: the record never reaches RocksDB nor the
     * changelog, only a small tombstone does, where without the cache each record was written to both in full and then
     * deleted. With the stage's cache at 64 MB (enrich), a replay of 100,000 articles spent about 15% less CPU per
     * article (the enrich thread, the broker). A backlog larger than the cache spills to RocksDB as before.
     */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> bufferStore(Names names) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.buffer()), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    /**
     * Upstream watermarks and the released position: a few entries, in memory, with a changelog. Cached, like the
     * stamper's store: rewritten at every watermark, read back only by a restore, which needs each entry's last value.
     */
    public static StoreBuilder<KeyValueStore<Integer, byte[]>> marksStore(Names names) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.marks()), Serdes.Integer(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.buffer = context.getStateStore(bufferStoreName);
        this.marksStore = context.getStateStore(marksStoreName);
        // Read from the stores at every init: Kafka Streams may init this very object again over restored stores (a task
        // revived after a failed transaction).
        marks.clear();
        released = Long.MIN_VALUE;
        bufferedCount = 0;
        String entity = "task-" + context.taskId();
        this.lateSensor = context.metrics().addRateTotalSensor(metricsScope, entity, LATE_RECORDS, Sensor.RecordingLevel.INFO);
        this.identicalSensor = context.metrics().addRateTotalSensor(metricsScope, entity, "identical-records", Sensor.RecordingLevel.INFO);
        try (KeyValueIterator<Integer, byte[]> all = marksStore.all()) {
            while (all.hasNext()) {
                KeyValue<Integer, byte[]> kv = all.next();
                ByteBuffer b = ByteBuffer.wrap(kv.value);
                if (kv.key == RELEASED) {
                    released = b.getLong();
                } else {
                    // Idleness is not trusted across a restart: the upstream partitions may hold a backlog now (a
                    // catch-up after downtime). An idle one says so again within its idle time.
                    marks.put(kv.key, new Watermark(kv.key, b.getLong(), false));
                    upstreamPartitions = Math.max(upstreamPartitions, kv.key + 1);
                }
            }
        }
        try (KeyValueIterator<Bytes, byte[]> all = buffer.all()) {
            while (all.hasNext()) {
                all.next();
                bufferedCount++;
            }
        }
        progress.buffered(bufferedCount);
        progress.eventTime(released);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            advance(Watermark.from(record.headers()));
            return;
        }
        long t = record.timestamp();
        if (Watermark.isLate(record.headers()) || t < released) {
            late(record);
            return;
        }
        Bytes key = BufferKey.of(t, record.key(), record.value());
        if (buffer.get(key) != null) {
            identicalSensor.record(); // the very same record twice (same key, time and bytes): it is released once
            return;
        }
        buffer.put(key, record.value());
        progress.buffered(++bufferedCount);
        progress.drained(false);
    }

    private void late(Record<String, byte[]> record) {
        lateSensor.record();
        progress.lateOne();
        if (++late % 100 == 1) {
            LOG.info("record {} at {} ms arrived after event time {} ms had been released ({}); {} such records so far",
                    record.key(), record.timestamp(), released, latePolicy == LatePolicy.FORWARD ? "forwarded out of order" : "dropped",
                    late);
        }
        if (latePolicy == LatePolicy.FORWARD) {
            context.forward(record.withHeaders(Watermark.lateHeaders(record.headers())));
        }
    }

    private void advance(Watermark mark) {
        Watermark before = marks.put(mark.sourcePartition(), mark);
        if (!mark.equals(before)) {
            marksStore.put(mark.sourcePartition(), encode(mark.timeMs(), mark.idle()));
        }
        upstreamPartitions = Math.max(upstreamPartitions, mark.sourcePartition() + 1);
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int p = 0; p < upstreamPartitions; p++) {
            Watermark m = marks.get(p);
            if (m == null) {
                return; // a partition that has not spoken yet may still hold anything
            }
            if (!m.idle()) {
                anyActive = true;
                min = Math.min(min, m.timeMs());
            }
        }
        if (anyActive) {
            if (min > released) {
                releaseBefore(min);
                setReleased(min);
            }
        } else {
            long newest = releaseBefore(Long.MAX_VALUE);
            long target = newest == Long.MIN_VALUE ? released : newest + 1; // everything up to the newest record has gone
            long clock = clockLagWhenIdleMs >= 0 ? context.currentSystemTimeMs() - clockLagWhenIdleMs : Long.MIN_VALUE;
            if (target != Long.MIN_VALUE && clock > target && clock - target <= MAX_CLOCK_JUMP_MS) {
                // Live and quiet: a record still to come is as late as it would be in a busy stream at this hour. Only
                // when event time already follows the clock: a backlog of older articles (a catch-up) must not be
                // overtaken by it.
                target = clock;
            }
            if (target > released) {
                setReleased(target);
            }
            progress.drained(true);
        }
    }

    /**
     * Forwards buffered records with a time below {@code bound} ({@code Long.MAX_VALUE}: all), in order; returns the
     * newest time forwarded. Scans start at the released position, never at the beginning of the store: everything
     * below it has been deleted, and RocksDB would otherwise step over every one of those deletions on every release
     * (a replay's buffer sees millions), which made releasing quadratic.
     */
    private long releaseBefore(long bound) {
        long newest = Long.MIN_VALUE;
        Bytes from = BufferKey.timeFloor(released);
        Bytes to = bound == Long.MAX_VALUE ? null : BufferKey.timeFloor(bound);
        List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(Math.min(RELEASE_BATCH, (int) Math.max(1, bufferedCount)));
        do {
            batch.clear();
            try (KeyValueIterator<Bytes, byte[]> it = buffer.range(from, to)) {
                while (it.hasNext() && batch.size() < RELEASE_BATCH) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    if (!kv.key.equals(from)) { // the range is inclusive: the last batch's last key was already sent
                        batch.add(kv);
                    }
                }
            }
            for (KeyValue<Bytes, byte[]> kv : batch) {
                long t = BufferKey.timeOf(kv.key);
                context.forward(new Record<>(BufferKey.recordKeyOf(kv.key), kv.value, t));
                // put(key, null) deletes too, without the read that delete() does first to return the old value
                buffer.put(kv.key, null);
                newest = Math.max(newest, t);
                progress.releasedOne();
            }
            bufferedCount -= batch.size();
            if (!batch.isEmpty()) {
                from = batch.get(batch.size() - 1).key;
            }
        } while (batch.size() >= RELEASE_BATCH - 1);
        progress.buffered(bufferedCount);
        return newest;
    }

    private void setReleased(long time) {
        released = time;
        marksStore.put(RELEASED, encode(time, false));
        progress.eventTime(time);
        if (forwardWatermarks) {
            Watermark down = new Watermark(-1, time, false);
            context.forward(new Record<>(Watermark.KEY, null, down.recordTimestamp(), down.toHeaders()));
        }
    }

    private static byte[] encode(long time, boolean idle) {
        return ByteBuffer.allocate(9).putLong(time).put((byte) (idle ? 1 : 0)).array();
    }

    /** Time of a downstream watermark record forwarded by a merge. */
    public static long watermarkTime(Record<String, ?> record) {
        return Watermark.from(record.headers()).timeMs();
    }
}
