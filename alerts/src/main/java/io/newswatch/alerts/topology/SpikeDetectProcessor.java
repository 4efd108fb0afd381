package io.newswatch.alerts.topology;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.SpikeDetector;
import io.newswatch.alerts.detect.WatchState;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Watch;
import io.newswatch.eventtime.EventTimeMerge;
import io.newswatch.eventtime.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SpikeDetector} of every watch on the single detection partition, fed in event-time order by
 * the merge in front of it. State per watch lives in a changelogged store (so a restart or failover resumes
 * exactly where it was); the detector's clock is the newest event time handed over, and the merge's watermarks
 * close the buckets of watches that got no article of their own. Alerts are forwarded with the watch's output
 * topic.
 */
public final class SpikeDetectProcessor implements Processor<String, byte[], String, RoutedAlert> {

    private static final Logger LOG = LoggerFactory.getLogger(SpikeDetectProcessor.class);
    private static final JsonSerde<ArticleHits> HITS = JsonSerde.of(ArticleHits.class);
    /**
     * Every watch's buckets are closed when the merge's watermark crosses a multiple of this (the smallest bucket a
     * watch may have), not on every watermark: a replay sends many. When they close does not change what they say:
     * a bucket's alerts carry the time it ended, and a watch's own next article closes its buckets first anyway.
     */
    static final Duration CLOSE_INTERVAL = Duration.ofMinutes(1);

    private final String watchesStoreName;
    private final String stateStoreName;
    private final ActiveWatches<Detecting> watches;
    private ProcessorContext<String, RoutedAlert> context;
    private KeyValueStore<String, byte[]> watchesStore;
    private KeyValueStore<String, WatchState> states;
    private long lateSeen;
    /** Event time of everything handed over so far (the newest hit or watermark), never behind. */
    private long newestMs = Long.MIN_VALUE;
    private long lastCloseStep = Long.MIN_VALUE;
    /**
     * Decoded states, so a hit costs one JSON write (the store put) instead of a read and a write. Safe:
     * every change is also put to the store, and a new processor (after a restart, a migration or an
     * aborted transaction) starts with an empty cache and reads the restored store.
     */
    private final Map<String, WatchState> decoded = new java.util.HashMap<>();

    /** A watch and its detector; nothing to close. */
    record Detecting(Watch watch, SpikeDetector detector) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    /** Names the repartition topic in deserialization errors (there should be none: the bytes are our own). */
    private static final String HITS_TOPIC = "alerts-article-hits";

    public SpikeDetectProcessor(String watchesStoreName, String stateStoreName, AlertsSettings settings, WatchValidator validator) {
        this.watchesStoreName = watchesStoreName;
        this.stateStoreName = stateStoreName;
        this.watches = new ActiveWatches<>(validator, w -> new Detecting(w, new SpikeDetector(w, settings.detectorParams(w))));
    }

    @Override
    public void init(ProcessorContext<String, RoutedAlert> context) {
        this.context = context;
        this.watchesStore = context.getStateStore(watchesStoreName);
        this.states = context.getStateStore(stateStoreName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            long w = EventTimeMerge.watermarkTime(record);
            newestMs = Math.max(newestMs, w);
            long step = Math.floorDiv(newestMs, CLOSE_INTERVAL.toMillis());
            if (step > lastCloseStep) {
                lastCloseStep = step;
                closeBuckets(newestMs);
            }
            return;
        }
        ArticleHits hits = HITS.deserialize(HITS_TOPIC, record.value());
        if (hits == null || hits.watchIds().isEmpty()) {
            return;
        }
        newestMs = Math.max(newestMs, record.timestamp());
        long streamTime = newestMs;
        Map<String, Detecting> current = watches.refresh(watchesStore);
        for (String watchId : hits.watchIds()) {
            Detecting d = current.get(watchId);
            if (d == null) {
                continue; // removed or disabled between matching and now
            }
            WatchState state = load(watchId, d.detector());
            long lateBefore = state.lateArticles();
            emit(d.watch(), d.detector().add(state, hits.hit(), streamTime));
            if (state.lateArticles() > lateBefore && ++lateSeen % 100 == 1) {
                LOG.info("watch '{}': article {} at {} arrived after its bucket closed (grace passed); {} such articles so far",
                        watchId, hits.articleId(), hits.eventTime(), lateSeen);
            }
            decoded.put(watchId, state);
            states.put(watchId, state);
        }
    }

    private void closeBuckets(long streamTime) {
        Map<String, Detecting> current = watches.refresh(watchesStore);
        List<String> orphans = new ArrayList<>();
        try (KeyValueIterator<String, WatchState> it = states.all()) {
            while (it.hasNext()) {
                KeyValue<String, WatchState> kv = it.next();
                Detecting d = current.get(kv.key);
                if (d == null) {
                    orphans.add(kv.key);
                    continue;
                }
                WatchState stored = decoded.getOrDefault(kv.key, kv.value);
                WatchState state = d.detector().incompatible(stored) ? d.detector().newState() : stored;
                Long before = state.lastClosedBucket();
                List<Alert> alerts = d.detector().advance(state, streamTime);
                emit(d.watch(), alerts);
                decoded.put(kv.key, state);
                if (state != stored || !alerts.isEmpty() || !java.util.Objects.equals(before, state.lastClosedBucket())) {
                    states.put(kv.key, state); // unchanged states are not rewritten (a replay punctuates often)
                }
            }
        }
        // A removed (tombstoned) or disabled watch forgets its history; adding it again starts afresh.
        orphans.forEach(id -> {
            decoded.remove(id);
            states.delete(id);
        });
    }

    private WatchState load(String watchId, SpikeDetector detector) {
        WatchState state = decoded.computeIfAbsent(watchId, states::get);
        if (state == null || detector.incompatible(state)) {
            return detector.newState();
        }
        return state;
    }

    private void emit(Watch watch, List<Alert> alerts) {
        for (Alert a : alerts) {
            context.forward(new Record<>(watch.id(), new RoutedAlert(a, watch.outputTopic()), a.eventTime().toEpochMilli()));
        }
    }

    @Override
    public void close() {
        watches.close();
    }
}
