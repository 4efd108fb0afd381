package io.newswatch.enrich.story;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.enrich.story.StoryIndex.StoryEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Sets {@link EnrichedArticle#storyId()} from a {@link StoryIndex} kept in a persistent, changelogged state
 * store, so story ids survive restarts and rebalances. Event time is the record timestamp.
 *
 * <p>Store layout: one entry per (bucket, fingerprint, event time), key
 * {@code <bucket>/<fingerprint hex>/<event time ms>}, value the story id; a bucket is read with a prefix
 * scan of {@code <bucket>/}. A stream-time punctuation deletes entries older than the horizon, so the store
 * holds about one horizon of articles (times the number of bands).
 */
public final class StoryIdAssigner implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    public static final String STORE = "story-lsh-buckets";

    private final int maxDistance;
    private final Duration horizon;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, String> store;
    private StoryIndex index;

    public StoryIdAssigner(int maxDistance, Duration horizon) {
        this.maxDistance = maxDistance;
        this.horizon = horizon;
    }

    public static StoreBuilder<KeyValueStore<String, String>> storeBuilder() {
        // Logging (a changelog topic) is on by default for persistent stores: that is the fault tolerance.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.index = new StoryIndex(maxDistance, horizon, new StoreBuckets(store));
        Duration quarter = horizon.dividedBy(4);
        Duration sweepEvery = quarter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1)
                : quarter.isZero() ? Duration.ofSeconds(1) : quarter;
        context.schedule(sweepEvery, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle enriched = record.value();
        String ownStoryId = StoryIds.forFirstArticle(enriched.article().id());
        OptionalLong fingerprint = StoryFingerprint.of(enriched.article());
        String storyId = fingerprint.isPresent()
                ? index.assign(fingerprint.getAsLong(), record.timestamp(), ownStoryId)
                : ownStoryId;
        context.forward(record.withValue(new EnrichedArticle(enriched.schemaVersion(), enriched.article(), enriched.tags(),
                enriched.entities(), storyId, enriched.taxonomyVersion(), enriched.enrichedAt())));
    }

    /** Deletes entries past the horizon; runs on stream time, so a replay sweeps the same way. */
    private void sweep(long streamTimeMs) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (index.isExpired(eventTimeOf(entry.key), streamTimeMs)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }

    private static long eventTimeOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }

    private record StoreBuckets(KeyValueStore<String, String> store) implements StoryIndex.Buckets {
        @Override
        public List<StoryEntry> get(String bucketKey) {
            List<StoryEntry> entries = new ArrayList<>();
            try (KeyValueIterator<String, String> it = store.prefixScan(bucketKey + "/", new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, String> kv = it.next();
                    int first = kv.key.indexOf('/');
                    int second = kv.key.indexOf('/', first + 1);
                    long fingerprint = Long.parseUnsignedLong(kv.key.substring(first + 1, second), 16);
                    entries.add(new StoryEntry(fingerprint, Long.parseLong(kv.key.substring(second + 1)), kv.value));
                }
            }
            return entries;
        }

        @Override
        public void add(String bucketKey, StoryEntry entry) {
            store.put(bucketKey + "/" + Long.toHexString(entry.fingerprint()) + "/" + entry.eventTimeMs(), entry.storyId());
        }
    }
}
