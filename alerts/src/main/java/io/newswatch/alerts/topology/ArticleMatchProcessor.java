package io.newswatch.alerts.topology;

import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.watch.WatchMatcher;
import io.newswatch.alerts.watch.WatchSetMatcher;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Article;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Topic;
import io.newswatch.core.failure.DeadLetterCounter;
import io.newswatch.core.failure.DeadLetterForwarder;
import io.newswatch.core.failure.HandlingOutcome;
import io.newswatch.eventtime.Watermark;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes an enriched article and finds the watches it matches. Runs in parallel, one task per input
 * partition; the expensive part (query watches) happens here. An article that does not decode, or that matching
 * fails on, becomes a dead letter with the original bytes and {@link DeadLetterHeaders} (core's dead-letter path,
 * counted in {@code dead-letters-total}); nothing stops the pipeline.
 */
public final class ArticleMatchProcessor implements Processor<byte[], byte[], String, HandlingOutcome<ArticleHits>> {

    static final String STAGE = "alerts";
    /**
     * Key of volume reports in the repartition topic (all records go to its one partition anyway), followed by the input
     * partition. The partition is needed: the merge releases byte-identical records (same key, time and value) once, and two
     * partitions' reports of the same slots with the same counts and stamp are identical but for it. Without it, which
     * reports coincided depended on when enrich's watermarks came, and a replay's stream volume on timing.
     */
    static final String VOLUME_KEY = "\u0000volume-";

    private final Topic<String, EnrichedArticle> enrichedArticles;
    private final String metricsScope;
    private final String watchesStoreName;
    private final String volumeStoreName;
    private PartitionVolume volume;
    private final ActiveWatches<WatchMatcher> watches;
    private ProcessorContext<String, HandlingOutcome<ArticleHits>> context;
    private DeadLetterForwarder<String, ArticleHits> deadLetters;
    private KeyValueStore<String, byte[]> watchesStore;
    /** All current watches as one matcher, rebuilt when the watches change (ActiveWatches returns a new map then). */
    private WatchSetMatcher matcher;
    private Map<String, WatchMatcher> matchedAgainst;

    /** @param metricsScope scope of the stage's {@code dead-letters} sensor */
    public ArticleMatchProcessor(String watchesStoreName, String volumeStoreName, WatchValidator validator, String metricsScope,
                                 WatchStoreWrites watchWrites) {
        this.metricsScope = metricsScope;
        this.watchesStoreName = watchesStoreName;
        this.volumeStoreName = volumeStoreName;
        this.watches = new ActiveWatches<>(validator, WatchMatcher::of, watchWrites);
        this.enrichedArticles = validator.topics().enrichedArticles();
    }

    @Override
    public void init(ProcessorContext<String, HandlingOutcome<ArticleHits>> context) {
        this.context = context;
        this.deadLetters = new DeadLetterForwarder<>(STAGE, context, DeadLetterCounter.sensor(context, metricsScope));
        this.watchesStore = context.getStateStore(watchesStoreName);
        this.volume = new PartitionVolume(context.getStateStore(volumeStoreName));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null && Watermark.isWatermark(new String(record.key(), StandardCharsets.UTF_8), record.headers())) {
                // Enrich's watermark, broadcast to every enriched partition: first the volume of the slots it completes, then
                // the watermark itself on to this partition's stamper.
                volume.report(record.timestamp()).ifPresent(report ->
                        context.forward(new Record<>(volumeKey(), HandlingOutcome.handled(report), report.eventTime().toEpochMilli())));
                ArticleHits none = ArticleHits.hit(Watermark.KEY, Instant.ofEpochMilli(record.timestamp()), null, null, null, null, null,
                        List.of());
                context.forward(new Record<>(Watermark.KEY, HandlingOutcome.handled(none), record.timestamp(), record.headers()));
            }
            return; // a tombstone on the articles topic carries nothing to count
        }
        EnrichedArticle enriched;
        try {
            enriched = enrichedArticles.value(record.value());
            if (enriched == null || enriched.article() == null || enriched.article().id() == null) {
                throw new IllegalArgumentException("enriched article without article or article id");
            }
        } catch (RuntimeException | StackOverflowError e) {
            // StackOverflowError: deeply nested JSON must not take the stream thread down.
            deadLetters.forward(record, e);
            return;
        }
        Article a = enriched.article();
        Instant eventTime = a.eventTime() != null ? a.eventTime() : Instant.ofEpochMilli(record.timestamp());
        Map<String, WatchMatcher> current = watches.refresh(watchesStore);
        if (current != matchedAgainst) {
            if (matcher != null) {
                matcher.close();
            }
            matcher = WatchSetMatcher.of(current.values());
            matchedAgainst = current;
        }
        List<String> matched;
        try {
            matched = matcher.matches(enriched);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug that one article trips (a query meeting text it cannot handle) sets that article aside, not the stage.
            deadLetters.forward(record, e);
            return;
        }
        volume.count(record.timestamp());
        if (matched.isEmpty()) {
            return; // counted in the volume only
        }
        ArticleHits hits = ArticleHits.of(Hit.of(enriched, eventTime), matched);
        context.forward(new Record<>(a.id(), HandlingOutcome.handled(hits), record.timestamp()));
    }

    private String volumeKey() {
        return VOLUME_KEY + context.recordMetadata().map(m -> m.partition()).orElse(-1);
    }

    @Override
    public void close() {
        if (matcher != null) {
            matcher.close();
        }
        watches.close();
    }
}
