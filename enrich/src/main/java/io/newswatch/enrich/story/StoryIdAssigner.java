package io.newswatch.enrich.story;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.enrich.SweepSchedule;
import io.newswatch.eventtime.Watermark;
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
 * Sets {@link EnrichedArticle#storyId()} from a {@link StoryIndex}. Event time is the record timestamp.
 *
 * <p>The record of truth is a persistent, changelogged store with one entry per article within the
 * horizon, key {@code <fingerprint hex>/<event time ms>}, value the story id, so story ids survive restarts
 * and rebalances. The LSH buckets are kept in memory and rebuilt from that store when the task starts
 * (Kafka Streams initialises processors after restoring their stores): one small store write per article
 * instead of one per band, and bucket look-ups without store iterators.
 */
public final class StoryIdAssigner implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    public static final String STORE = "story-fingerprints";

    private final int maxDistance;
    private final Duration horizon;
    private ProcessorContext<String, EnrichedArticle> context;
    private SweepSchedule sweeps;
    private KeyValueStore<String, String> store;
    private StoryIndex.InMemoryBuckets buckets;
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
        this.buckets = new StoryIndex.InMemoryBuckets();
        this.index = new StoryIndex(maxDistance, horizon, buckets);
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                index.file(entryOf(kv.key, kv.value));
            }
        }
        this.sweeps = new SweepSchedule(horizon);
        context.schedule(SweepSchedule.WALL_CLOCK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep(sweeps.newestMs()));
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            context.forward(record); // the merge's watermark, on its way to the enriched topic
            return;
        }
        if (sweeps.record(record.timestamp())) {
            sweep(sweeps.newestMs());
        }
        EnrichedArticle enriched = record.value();
        String ownStoryId = StoryIds.forFirstArticle(enriched.article().id());
        OptionalLong fingerprint = StoryFingerprint.of(enriched.article());
        String storyId = ownStoryId;
        if (fingerprint.isPresent()) {
            storyId = index.assign(fingerprint.getAsLong(), record.timestamp(), ownStoryId);
            store.put(keyOf(fingerprint.getAsLong(), record.timestamp()), storyId);
        }
        context.forward(record.withValue(new EnrichedArticle(enriched.schemaVersion(), enriched.article(), enriched.tags(),
                enriched.entities(), storyId, enriched.taxonomyVersion(), enriched.enrichedAt())));
    }

    /** Deletes entries more than the horizon older than stream time, from the store and the buckets. */
    private void sweep(long streamTimeMs) {
        if (streamTimeMs < 0) {
            return; // no record yet since start: nothing to measure age against
        }
        sweeps.swept();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                String key = all.next().key;
                if (index.isExpired(eventTimeOf(key), streamTimeMs)) {
                    expired.add(key);
                }
            }
        }
        expired.forEach(store::delete);
        buckets.removeIf(e -> index.isExpired(e.eventTimeMs(), streamTimeMs));
    }

    static String keyOf(long fingerprint, long eventTimeMs) {
        return Long.toHexString(fingerprint) + "/" + eventTimeMs;
    }

    static StoryEntry entryOf(String key, String storyId) {
        int slash = key.indexOf('/');
        return new StoryEntry(Long.parseUnsignedLong(key.substring(0, slash), 16), Long.parseLong(key.substring(slash + 1)), storyId);
    }

    private static long eventTimeOf(String key) {
        return Long.parseLong(key.substring(key.indexOf('/') + 1));
    }
}
