package io.newswatch.enrich.dedup;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.enrich.SweepSchedule;
import io.newswatch.eventtime.Watermark;
import io.newswatch.enrich.metrics.EnrichMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
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
 * Forwards an article only the first time any of its {@link DuplicateKeys} is seen within the retention.
 * "Seen" is a persistent, changelogged key-value store of last-seen event times (so it survives restarts
 * and moves with its task on a rebalance); a periodic sweep forgets keys past the retention (in stream time).
 * Dropped duplicates are counted in the {@code duplicates-dropped} metric and logged at debug level.
 */
public final class DuplicateFilter implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    public static final String STORE = "dedup-seen-keys";

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateFilter.class);

    private final Duration retention;
    private ProcessorContext<String, EnrichedArticle> context;
    private SweepSchedule sweeps;
    private KeyValueStore<String, Long> store;
    private DuplicateIndex index;
    private Sensor dropped;

    public DuplicateFilter(Duration retention) {
        this.retention = retention;
    }

    public static StoreBuilder<KeyValueStore<String, Long>> storeBuilder() {
        // Logging (a changelog topic) is on by default for persistent stores: that is the fault tolerance.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.index = new DuplicateIndex(retention, new StoreSeen(store));
        this.dropped = EnrichMetrics.sensor(context, EnrichMetrics.DUPLICATES_DROPPED);
        this.sweeps = new SweepSchedule(retention);
        context.schedule(SweepSchedule.WALL_CLOCK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired(sweeps.newestMs()));
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            context.forward(record); // the merge's watermark, on its way to the enriched topic
            return;
        }
        if (sweeps.record(record.timestamp())) {
            forgetExpired(sweeps.newestMs());
        }
        DuplicateIndex.Verdict verdict = index.check(DuplicateKeys.of(record.value().article()), record.timestamp());
        if (verdict.duplicate()) {
            dropped.record();
            LOG.debug("dropped duplicate article {} (already seen as {})", record.key(), verdict.matchedKey());
            return;
        }
        context.forward(record);
    }

    private void forgetExpired(long streamTimeMs) {
        if (streamTimeMs < 0) {
            return; // no record yet since start: nothing to measure age against
        }
        sweeps.swept();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> seen = all.next();
                if (index.isExpired(seen.value, streamTimeMs)) {
                    expired.add(seen.key);
                }
            }
        }
        expired.forEach(store::delete);
    }

    private record StoreSeen(KeyValueStore<String, Long> store) implements DuplicateIndex.SeenStore {
        @Override
        public Long lastSeen(String key) {
            return store.get(key);
        }

        @Override
        public void markSeen(String key, long eventTimeMs) {
            store.put(key, eventTimeMs);
        }
    }
}
