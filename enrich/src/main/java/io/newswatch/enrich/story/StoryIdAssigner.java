package io.newswatch.enrich.story;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.enrich.story.StoryIndex.StoryEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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

/**
 * Sets {@link EnrichedArticle#storyId()} from a {@link StoryIndex} kept in a persistent, changelogged state
 * store, so story ids survive restarts and rebalances. Event time is the record timestamp. A stream-time
 * punctuation sweeps buckets nobody has written to lately, so the store holds about one horizon of articles.
 */
public final class StoryIdAssigner implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    public static final String STORE = "story-lsh-buckets";

    private final int maxDistance;
    private final Duration horizon;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, byte[]> store;
    private StoryIndex index;

    public StoryIdAssigner(int maxDistance, Duration horizon) {
        this.maxDistance = maxDistance;
        this.horizon = horizon;
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        // Logging (a changelog topic) is on by default for persistent stores: that is the fault tolerance.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray());
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.index = new StoryIndex(maxDistance, horizon, new StoreBuckets(store));
        Duration sweepEvery = horizon.dividedBy(4).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : horizon.dividedBy(4);
        context.schedule(sweepEvery.isZero() ? Duration.ofSeconds(1) : sweepEvery, PunctuationType.STREAM_TIME, this::sweep);
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

    /** Drops expired entries from every bucket; runs on stream time, so a replay sweeps the same way. */
    private void sweep(long streamTimeMs) {
        List<KeyValue<String, byte[]>> rewrites = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> bucket = all.next();
                List<StoryEntry> entries = StoryEntryCodec.decode(bucket.value);
                List<StoryEntry> live = entries.stream().filter(e -> !index.isExpired(e, streamTimeMs)).toList();
                if (live.size() != entries.size()) {
                    rewrites.add(KeyValue.pair(bucket.key, live.isEmpty() ? null : StoryEntryCodec.encode(live)));
                }
            }
        }
        for (KeyValue<String, byte[]> rewrite : rewrites) {
            if (rewrite.value == null) {
                store.delete(rewrite.key);
            } else {
                store.put(rewrite.key, rewrite.value);
            }
        }
    }

    private record StoreBuckets(KeyValueStore<String, byte[]> store) implements StoryIndex.Buckets {
        @Override
        public List<StoryEntry> get(String bucketKey) {
            byte[] bytes = store.get(bucketKey);
            return bytes == null ? null : StoryEntryCodec.decode(bytes);
        }

        @Override
        public void put(String bucketKey, List<StoryEntry> entries) {
            store.put(bucketKey, StoryEntryCodec.encode(entries));
        }
    }
}
