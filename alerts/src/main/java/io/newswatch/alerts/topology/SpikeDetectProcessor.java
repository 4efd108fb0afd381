package io.newswatch.alerts.topology;

import io.newswatch.alerts.detect.DetectorParams;
import io.newswatch.alerts.detect.OpenBuckets;
import io.newswatch.alerts.detect.SpikeDetector;
import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.alerts.detect.WatchHistory;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Watch;
import io.newswatch.eventtime.EventTimeMerge;
import io.newswatch.eventtime.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SpikeDetector} of every watch on the single detection partition, fed in event-time order by the merge
 * in front of it: hits, every partition's volume reports, and the merge's watermarks. State lives in changelogged
 * stores (so a restart or failover resumes exactly where it was): per watch its history (rewritten when a bucket
 * closes) and its open buckets (rewritten per hit), and the stream's volume. Alerts are forwarded with the watch's
 * output topic.
 */
public final class SpikeDetectProcessor implements Processor<String, byte[], String, RoutedAlert> {

    private static final Logger LOG = LoggerFactory.getLogger(SpikeDetectProcessor.class);
    private static final JsonSerde<ArticleHits> HITS = JsonSerde.withDataKeys(ArticleHits.class);
    /**
     * Every watch's buckets are closed when the merge's watermark crosses a multiple of this (a volume slot, the smallest
     * bucket a watch may have), not on every watermark: a replay sends many. When they close does not change what they
     * say: a bucket's alerts carry the time it ended, and a watch's own next article closes its buckets first anyway.
     */
    static final Duration CLOSE_INTERVAL = Duration.ofMillis(StreamVolume.SLOT_MS);

    /** Names the repartition topic in deserialization errors (there should be none: the bytes are our own). */
    private static final String HITS_TOPIC = "alerts-article-hits";

    /** The three stores, by name. */
    public record Stores(String watches, String histories, String openBuckets, String volume) {
    }

    /** A watch and its detector; nothing to close. */
    record Detecting(Watch watch, SpikeDetector detector) implements AutoCloseable {
        @Override
        public void close() {
        }
    }

    /** A watch's state, decoded once and kept: every change is also put to the stores, which a restart reads. */
    private static final class Loaded {
        WatchHistory history;
        OpenBuckets open;
    }

    private final Stores names;
    private final Duration volumeRetention;
    private final Duration baseline;
    private final ActiveWatches<Detecting> watches;
    private ProcessorContext<String, RoutedAlert> context;
    private KeyValueStore<String, byte[]> watchesStore;
    private KeyValueStore<String, WatchHistory> histories;
    private KeyValueStore<String, OpenBuckets> openBuckets;
    private StoredStreamVolume volumeStore;
    private StreamVolume volume;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private Map<String, Detecting> knownWatches;
    private long lateSeen;
    /** Event time of everything handed over so far (the newest hit or watermark), never behind. */
    private long newestMs = Long.MIN_VALUE;
    private long lastCloseStep = Long.MIN_VALUE;

    /**
     * @param detectorParams  the detector parameters of a validated watch
     * @param volumeRetention how long the stream's volume per slot is kept
     * @param baseline        the default baseline, for the stream's volume
     */
    public SpikeDetectProcessor(Stores names, Function<Watch, DetectorParams> detectorParams, Duration volumeRetention,
                                Duration baseline, WatchValidator validator, WatchStoreWrites watchWrites) {
        this.names = names;
        this.volumeRetention = volumeRetention;
        this.baseline = baseline;
        this.watches = new ActiveWatches<>(validator, w -> new Detecting(w, new SpikeDetector(w, detectorParams.apply(w))),
                watchWrites);
    }

    @Override
    public void init(ProcessorContext<String, RoutedAlert> context) {
        this.context = context;
        // What is kept in memory is derived from the stores, anew at every init: Kafka Streams may init this very object
        // again over restored stores (a task revived after a failed transaction), and it must then judge as a new one.
        loaded.clear();
        knownWatches = null;
        newestMs = Long.MIN_VALUE;
        lastCloseStep = Long.MIN_VALUE;
        this.watchesStore = context.getStateStore(names.watches());
        this.histories = context.getStateStore(names.histories());
        this.openBuckets = context.getStateStore(names.openBuckets());
        this.volumeStore = new StoredStreamVolume(context.getStateStore(names.volume()));
        this.volume = volumeStore.load(volumeRetention, baseline);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        handle(record);
        // The volume changes in several places per record; what changed is put once, after the record, before any commit.
        volumeStore.save(volume);
    }

    private void handle(Record<String, byte[]> record) {
        if (Watermark.isWatermark(record.key(), record.headers())) {
            long w = EventTimeMerge.watermarkTime(record);
            newestMs = Math.max(newestMs, w);
            long step = Math.floorDiv(newestMs, CLOSE_INTERVAL.toMillis());
            if (step > lastCloseStep) {
                lastCloseStep = step;
                finalizeVolume(newestMs);
                closeBuckets(newestMs);
            }
            return;
        }
        ArticleHits hits = HITS.deserialize(HITS_TOPIC, record.value());
        if (hits == null) {
            return;
        }
        if (hits.reportsVolume()) {
            addVolume(hits);
            return;
        }
        newestMs = Math.max(newestMs, record.timestamp());
        // Every partition's volume for the slots before this article has been released before it (PartitionVolume).
        finalizeVolume(record.timestamp());
        Map<String, Detecting> current = watches.refresh(watchesStore);
        for (String watchId : hits.watchIds()) {
            Detecting d = current.get(watchId);
            if (d == null) {
                continue; // removed or disabled between matching and now
            }
            Loaded state = load(watchId, d.detector());
            long lastClosedBefore = state.history.lastClosedBucket();
            long lateBefore = state.open.lateArticles();
            emit(d.watch(), d.detector().add(state.history, state.open, volume, hits.hit()));
            if (state.open.lateArticles() > lateBefore && ++lateSeen % 100 == 1) {
                LOG.info("watch '{}': article {} at {} arrived after its bucket was judged; {} such articles so far",
                        watchId, hits.articleId(), hits.eventTime(), lateSeen);
            }
            openBuckets.put(watchId, state.open);
            if (state.history.lastClosedBucket() != lastClosedBefore) {
                histories.put(watchId, state.history);
            }
        }
    }

    private void addVolume(ArticleHits report) {
        report.volume().forEach((slot, articles) -> {
            if (!volume.add(slot, articles)) {
                LOG.warn("a volume report for slot {} came after the slot was final; {} articles not counted", slot, articles);
            }
        });
    }

    private void finalizeVolume(long timeMs) {
        if (timeMs >= volume.finalUntilMs() + StreamVolume.SLOT_MS) {
            volume.finalizeThrough(timeMs);
        }
    }

    private void closeBuckets(long streamTime) {
        Map<String, Detecting> current = watches.refresh(watchesStore);
        if (current != knownWatches) {
            forgetRemovedWatches(current);
            knownWatches = current;
        }
        for (Map.Entry<String, Detecting> e : current.entrySet()) {
            SpikeDetector detector = e.getValue().detector();
            Loaded state = loadExisting(e.getKey(), detector);
            if (state == null) {
                continue; // no article yet: its history begins with its first (SpikeDetector#newHistory)
            }
            long before = state.history.lastClosedBucket();
            boolean wasDormant = state.open.isEmpty() && state.history.dormant();
            List<Alert> alerts = detector.advance(state.history, state.open, volume, streamTime);
            emit(e.getValue().watch(), alerts);
            // A dormant watch's history only moves its clock on: not rewritten (a replay closes buckets often).
            if (!alerts.isEmpty() || (!wasDormant && state.history.lastClosedBucket() != before)) {
                histories.put(e.getKey(), state.history);
                openBuckets.put(e.getKey(), state.open);
            }
        }
        volume.prune(streamTime);
    }

    /** A removed (tombstoned) or disabled watch forgets its history; adding it again starts afresh. */
    private void forgetRemovedWatches(Map<String, Detecting> current) {
        List<String> orphans = new ArrayList<>();
        try (KeyValueIterator<String, WatchHistory> it = histories.all()) {
            while (it.hasNext()) {
                String id = it.next().key;
                if (!current.containsKey(id)) {
                    orphans.add(id);
                }
            }
        }
        for (String id : orphans) {
            loaded.remove(id);
            histories.delete(id);
            openBuckets.delete(id);
        }
    }

    /** The watch's state if it has a history that fits its detector, else null. */
    private Loaded loadExisting(String watchId, SpikeDetector detector) {
        Loaded state = loaded.get(watchId);
        if (state == null) {
            WatchHistory history = histories.get(watchId);
            if (history == null) {
                return null;
            }
            state = new Loaded();
            state.history = history;
            state.open = openBuckets.get(watchId);
            loaded.put(watchId, state);
        }
        if (state.history == null || detector.incompatible(state.history)) {
            return null;
        }
        if (state.open == null) {
            state.open = new OpenBuckets();
        }
        return state;
    }

    private Loaded load(String watchId, SpikeDetector detector) {
        Loaded state = loaded.get(watchId);
        if (state == null) {
            state = new Loaded();
            state.history = histories.get(watchId);
            state.open = openBuckets.get(watchId);
            loaded.put(watchId, state);
        }
        if (state.history == null || detector.incompatible(state.history)) {
            state.history = detector.newHistory(volume, newestMs);
            state.open = new OpenBuckets();
            histories.put(watchId, state.history);
        }
        if (state.open == null) {
            state.open = new OpenBuckets();
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
