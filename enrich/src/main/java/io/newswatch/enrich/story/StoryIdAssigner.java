package io.newswatch.enrich.story;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.newswatch.enrich.recent.SweepSchedule;
import io.newswatch.enrich.recent.TimeOrderedLog;
import io.newswatch.enrich.prepared.PreparedArticle;
import io.newswatch.eventtime.Watermark;
import io.newswatch.enrich.story.StoryIndex.StoryEntry;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Settles an article's story id from a {@link StoryIndex} and forwards the enriched article's JSON with it. The article
 * arrives prepared ({@link PreparedArticle}: fingerprint computed and JSON written upstream, in the parallel stage).
 * Event time is the record timestamp.
 *
 * <p>The record of truth is a persistent, changelogged log with one entry per article within the horizon, in event-time
 * order ({@link TimeOrderedLog}: event time and fingerprint, value the story id, packed in pages of a few KB), so
 * story ids survive restarts and rebalances. The LSH buckets are kept in memory and rebuilt from that log when the
 * task starts (Kafka Streams initialises processors after restoring their stores): one small store write per article
 * instead of one per band (absorbed by the record cache into one changelog record per page), bucket look-ups without
 * store iterators, and sweeps that read only the entries that expire.
 */
public final class StoryIdAssigner implements Processor<String, PreparedArticle, String, byte[]> {

    public static final String STORE = "story-entries";

    private final int maxDistance;
    private final Duration horizon;
    private ProcessorContext<String, byte[]> context;
    private SweepSchedule sweeps;
    private TimeOrderedLog entries;
    private StoryIndex.InMemoryBuckets buckets;
    private StoryIndex index;

    public StoryIdAssigner(int maxDistance, Duration horizon) {
        this.maxDistance = maxDistance;
        this.horizon = horizon;
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder() {
        return TimeOrderedLog.storeBuilder(STORE);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.entries = new TimeOrderedLog(context.getStateStore(STORE));
        this.buckets = new StoryIndex.InMemoryBuckets();
        this.index = new StoryIndex(maxDistance, horizon, buckets);
        entries.forEach((time, fingerprint, storyId) -> index.file(new StoryEntry(fingerprint, time, new String(storyId, UTF_8))));
        this.sweeps = new SweepSchedule(horizon);
        context.schedule(SweepSchedule.WALL_CLOCK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep(sweeps.newestMs()));
    }

    @Override
    public void process(Record<String, PreparedArticle> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            context.forward(record.withValue(null)); // the merge's watermark, on its way to the enriched topic
            return;
        }
        if (sweeps.record(record.timestamp())) {
            sweep(sweeps.newestMs());
        }
        PreparedArticle article = record.value();
        String ownStoryId = article.ownStoryId();
        OptionalLong fingerprint = article.fingerprint();
        String storyId = ownStoryId;
        if (fingerprint.isPresent()) {
            storyId = index.assign(fingerprint.getAsLong(), record.timestamp(), ownStoryId);
            entries.put(record.timestamp(), fingerprint.getAsLong(), storyId.getBytes(UTF_8));
        }
        context.forward(record.withValue(article.jsonWithStoryId(storyId)));
    }

    /** Deletes entries more than the horizon older than the newest event time, from the log and the buckets. */
    private void sweep(long newestMs) {
        if (newestMs < 0) {
            return; // no record yet since start: nothing to measure age against
        }
        sweeps.swept();
        long cutoff = newestMs - horizon.toMillis();
        entries.expireBefore(cutoff, (time, fingerprint, storyId) -> { });
        buckets.removeIf(e -> index.isExpired(e.eventTimeMs(), newestMs));
    }
}
