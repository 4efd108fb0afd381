package io.newswatch.eventtime;

import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream half of an {@link EventTimeMerge}, one per input partition (its task's partition): forwards
 * every record, marks as late (the merge counts it) a record whose event time (the record timestamp) is below
 * its partition's watermark, and forwards {@link Watermark}s into the same stream, to be repartitioned with the
 * records. The watermark is the newest event time minus the lateness, or, with {@link WatermarkPolicy#fromUpstream()},
 * the last watermark record the input itself carried.
 *
 * <p>Whether a record is late depends only on the records before it in its own partition, so it is the same
 * in every run over the same input. The newest event time is kept in a small changelogged store, so a restart
 * or a move to another instance goes on from where the partition was.
 */
public final class WatermarkStamper<V> implements Processor<String, V, String, V> {

    private static final Logger LOG = LoggerFactory.getLogger(WatermarkStamper.class);

    private final String storeName;
    private final long latenessMs;
    private final long idleAfterMs;
    private final Predicate<V> carry;
    private final boolean fromUpstream;
    private final Map<Integer, Long> inputEnds;
    private ProcessorContext<String, V> context;
    private KeyValueStore<Integer, Long> store;
    private int partition;
    private long newest = Long.MIN_VALUE;
    private long lastSent = Long.MIN_VALUE;
    private long lastRecordWallMs;
    private long lastIdleSentWallMs;
    private boolean idle;
    private long late;
    /** Offset after this partition's last record when the input is finite, else -1. */
    private long end = -1;
    /** This finite partition's last record has been read: it is idle for good. */
    private boolean ended;

    /**
     * @param storeName    the store from {@link #storeBuilder}, added to the topology and connected here
     * @param carry        which records go on to the merge; the others only move the watermark (detection
     *                     needs no record of an article that matched no watch, only the time it carried)
     */
    public WatermarkStamper(String storeName, WatermarkPolicy policy, Predicate<V> carry) {
        this.carry = carry;
        this.fromUpstream = policy.upstream();
        this.storeName = storeName;
        this.latenessMs = policy.lateness().toMillis();
        this.idleAfterMs = policy.idleAfter().toMillis();
        this.inputEnds = policy.inputEnds();
    }

    /**
     * Newest event time per input partition; tiny, in memory, with a changelog. Cached: it changes with nearly every
     * record, and only its value at a commit matters to a restore (a replay wrote a changelog record per 7 articles).
     */
    public static StoreBuilder<KeyValueStore<Integer, Long>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Integer(), Serdes.Long()).withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.partition = context.taskId().partition();
        // From the store at every init: Kafka Streams may init this very object again over restored stores (a task
        // revived after a failed transaction), and it must then go on as a restarted one would.
        newest = Long.MIN_VALUE;
        lastSent = Long.MIN_VALUE;
        idle = false;
        end = -1;
        ended = false;
        Long restored = store.get(partition);
        if (restored != null) {
            newest = restored;
        }
        if (!fromUpstream && inputEnds.containsKey(partition)) {
            end = inputEnds.get(partition);
            ended = end <= 0 || store.get(endedKey(partition)) != null; // nothing to read, or read to its end before a restart
        }
        lastRecordWallMs = context.currentSystemTimeMs();
        if (!fromUpstream) {
            context.schedule(WatermarkPolicy.TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
        }
    }

    @Override
    public void process(Record<String, V> record) {
        lastRecordWallMs = context.currentSystemTimeMs();
        if (fromUpstream && Watermark.isWatermark(record.key(), record.headers())) {
            // The upstream merge has released everything before this time: pass the promise on.
            long w = Watermark.from(record.headers()).timeMs();
            if (w > newest) {
                newest = w;
                send(false);
            }
            return;
        }
        long t = record.timestamp();
        if (!carry.test(record.value())) {
            // only its time matters
        } else if (newest != Long.MIN_VALUE && t < watermark()) {
            if (++late % 100 == 1) {
                LOG.info("partition {}: record {} at {} ms is {} ms older than the newest ({} ms), beyond the allowed lateness; "
                        + "{} such records so far", partition, record.key(), t, newest - t, newest, late);
            }
            context.forward(record.withHeaders(Watermark.lateHeaders(record.headers())));
        } else {
            context.forward(record);
        }
        if (fromUpstream) {
            return; // only the upstream's watermarks move this partition's
        }
        if (t > newest) {
            newest = t;
        }
        if (end >= 0 && !ended && context.recordMetadata().map(m -> m.offset() + 1 >= end).orElse(false)) {
            // A finite input read to its end: idle now, for good, with no wall-clock wait (the end of a replay).
            ended = true;
            store.put(endedKey(partition), 1L);
            lastIdleSentWallMs = lastRecordWallMs;
            send(true);
        } else if (idle || watermark() >= saturatedAdd(lastSent, WatermarkPolicy.STEP_MS)) {
            send(false);
        }
    }

    /** Store key that marks a finite partition read to its end; partitions are >= 0, so it meets none of theirs. */
    private static int endedKey(int partition) {
        return -1 - partition;
    }

    private void tick(long wallNowMs) {
        if (ended) {
            // Said again every idle time: a merge that restarted has forgotten it.
            if (!idle || wallNowMs - lastIdleSentWallMs >= idleAfterMs) {
                lastIdleSentWallMs = wallNowMs;
                send(true);
            }
            return;
        }
        // While idle, said again every idle time: a merge that restarted has forgotten it.
        if (wallNowMs - lastRecordWallMs >= idleAfterMs && (!idle || wallNowMs - lastIdleSentWallMs >= idleAfterMs)) {
            lastIdleSentWallMs = wallNowMs;
            send(true);
        } else if (!idle && newest != Long.MIN_VALUE && watermark() > lastSent) {
            send(false);
        }
    }

    private void send(boolean nowIdle) {
        idle = nowIdle;
        long w = newest == Long.MIN_VALUE ? Long.MIN_VALUE : watermark();
        Watermark mark = new Watermark(partition, w, nowIdle);
        context.forward(new Record<>(Watermark.KEY, null, mark.recordTimestamp(), mark.toHeaders()));
        lastSent = w;
        if (newest != Long.MIN_VALUE) {
            store.put(partition, newest);
        }
    }

    private long watermark() {
        return newest - latenessMs;
    }

    private static long saturatedAdd(long a, long b) {
        return a == Long.MIN_VALUE ? Long.MIN_VALUE : a + b;
    }
}
