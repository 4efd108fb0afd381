package io.newswatch.enrich.dedup;

import io.newswatch.core.StableHash;
import io.newswatch.enrich.recent.SweepSchedule;
import io.newswatch.enrich.recent.TimeOrderedLog;
import io.newswatch.enrich.metrics.EnrichMetrics;
import io.newswatch.enrich.prepared.PreparedArticle;
import io.newswatch.eventtime.Watermark;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards an article only the first time any of its {@link DuplicateKeys} (computed upstream, in the parallel stage) is
 * seen within the retention.
 *
 * <p>"Seen" is an in-memory table of last-seen times by key hash ({@link SeenTimes}), looked up and updated per
 * article, in front of a persistent, changelogged log of sightings ({@link TimeOrderedLog}: one entry per article,
 * passed or dropped, with its key hashes, packed in pages of a few KB) that is the record of truth: the table is
 * rebuilt from it when the task starts (after a restart, or on another instance after a rebalance). A sweep expires
 * sightings past the retention (in event time) and forgets their keys unless a later sighting refreshed them. One
 * store write per article (absorbed by the record cache into one changelog record per page), where a store of keys
 * took a read and a write per key, and the sweep reads only what expires.
 * Dropped duplicates are counted in the {@code duplicates-dropped} metric and logged at debug level.
 */
public final class DuplicateFilter implements Processor<String, PreparedArticle, String, PreparedArticle> {

    public static final String STORE = "dedup-sightings";

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateFilter.class);

    private final Duration retention;
    private ProcessorContext<String, PreparedArticle> context;
    private SweepSchedule sweeps;
    private TimeOrderedLog sightings;
    private SeenTimes seen;
    private DuplicateIndex index;
    private Sensor dropped;

    public DuplicateFilter(Duration retention) {
        this.retention = retention;
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder() {
        return TimeOrderedLog.storeBuilder(STORE);
    }

    @Override
    public void init(ProcessorContext<String, PreparedArticle> context) {
        this.context = context;
        this.sightings = new TimeOrderedLog(context.getStateStore(STORE));
        // Rebuilt at every init, not only the first: Kafka Streams may init this very object again over restored stores
        // (a task revived after a failed transaction), and what the aborted work saw must not count as seen.
        this.seen = new SeenTimes();
        sightings.forEach((time, id, hashes) -> {
            ByteBuffer b = ByteBuffer.wrap(hashes);
            while (b.hasRemaining()) {
                long hash = b.getLong();
                seen.put(hash, Math.max(time, seen.get(hash)));
            }
        });
        this.index = new DuplicateIndex(retention, new DuplicateIndex.SeenStore() {
            @Override
            public Long lastSeen(String key) {
                long t = seen.get(StableHash.of(key));
                return t == Long.MIN_VALUE ? null : t;
            }

            @Override
            public void markSeen(String key, long eventTimeMs) {
                seen.put(StableHash.of(key), eventTimeMs);
            }
        });
        this.dropped = EnrichMetrics.sensor(context, EnrichMetrics.DUPLICATES_DROPPED);
        this.sweeps = new SweepSchedule(retention);
        context.schedule(SweepSchedule.WALL_CLOCK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired(sweeps.newestMs()));
    }

    @Override
    public void process(Record<String, PreparedArticle> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            context.forward(record); // the merge's watermark, on its way to the enriched topic
            return;
        }
        if (sweeps.record(record.timestamp())) {
            forgetExpired(sweeps.newestMs());
        }
        List<String> keys = record.value().duplicateKeys();
        DuplicateIndex.Verdict verdict = index.check(keys, record.timestamp());
        ByteBuffer hashes = ByteBuffer.allocate(8 * keys.size());
        long id = 0;
        for (String key : keys) {
            long h = StableHash.of(key);
            hashes.putLong(h);
            id = 31 * id + h;
        }
        sightings.put(record.timestamp(), id, hashes.array());
        if (verdict.duplicate()) {
            dropped.record();
            LOG.debug("dropped duplicate article {} (already seen as {})", record.key(), verdict.matchedKey());
            return;
        }
        context.forward(record);
    }

    /** Expires the sightings more than the retention before {@code newestMs}, and the keys no later sighting refreshed. */
    private void forgetExpired(long newestMs) {
        if (newestMs < 0) {
            return; // no record yet since start: nothing to measure age against
        }
        sweeps.swept();
        long cutoff = newestMs - retention.toMillis();
        sightings.expireBefore(cutoff, (time, id, hashes) -> {
            ByteBuffer b = ByteBuffer.wrap(hashes);
            while (b.hasRemaining()) {
                seen.removeIfBefore(b.getLong(), cutoff);
            }
        });
    }
}
