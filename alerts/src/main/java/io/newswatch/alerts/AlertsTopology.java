package io.newswatch.alerts;

import io.newswatch.alerts.detect.OpenBucketsSerde;
import io.newswatch.alerts.detect.WatchHistorySerde;
import io.newswatch.alerts.topology.AlertCounter;
import io.newswatch.alerts.topology.ArticleHits;
import io.newswatch.alerts.topology.ArticleMatchProcessor;
import io.newswatch.alerts.topology.RoutedAlert;
import io.newswatch.alerts.topology.SpikeDetectProcessor;
import io.newswatch.alerts.topology.WatchStoreWrites;
import io.newswatch.alerts.topology.WatchesStoreUpdater;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.failure.DeadLetterRouting;
import io.newswatch.core.failure.HandlingOutcome;
import io.newswatch.core.failure.StreamsFailurePolicy;
import io.newswatch.eventtime.EventTimeMerge;
import io.newswatch.eventtime.EventTimeOrder;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.WatermarkPolicy;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The alerts stage: enriched articles in, alert lifecycle events out.
 *
 * <pre>
 *  news.watches (compacted) --> global store "alerts-watches" (raw watch JSON; every task reads it)
 *
 *  news.articles.enriched --decode+match (parallel, per input partition)--+--> news.dlq (undecodable)
 *                                                                           |
 *        one record per article: matched watch ids (none: only its time counts) v
 *  watermarks per input partition, repartition "alerts-article-hits" (1 partition), released in event-time order
 *        --> spike detection (state store per watch)
 *        --> news.alerts (key watch id) and the watch's outputTopic when set
 * </pre>
 *
 * <p>Why one detection partition: a watch's articles come from every input partition, and its buckets must see
 * all of them in one place, in event-time order, whatever the speed of each partition; the merge's watermark
 * gives every watch the same clock, so quiet watches resolve as the news flows. Detection is cheap (see docs/benchmarks/alerts.md);
 * matching, the costly part, stays parallel.
 */
public final class AlertsTopology {

    public static final String WATCHES_STORE = "alerts-watches";
    public static final String DETECTOR_STORE = "alerts-detector-state";
    public static final String OPEN_BUCKETS_STORE = "alerts-detector-open-buckets";
    public static final String STREAM_VOLUME_STORE = "alerts-stream-volume";
    /** Per input partition: article counts per volume slot not yet reported to the detector. */
    public static final String PARTITION_VOLUME_STORE = "alerts-partition-volume";
    public static final String HITS_REPARTITION = "alerts-article-hits";
    /** Stage name on dead letters from this topology, and the start of its dead-letter path's node names. */
    public static final String STAGE = "alerts";
    /** Scope of this stage's own metrics ({@code late-records-total}, {@code alerts-opened-total} and so on). */
    public static final String METRICS_SCOPE = "newswatch-alerts";

    private AlertsTopology() {
    }

    public static Topology build(AlertsSettings settings, Topics topics, MergeInput input) {
        StreamsBuilder builder = new StreamsBuilder();
        WatchValidator validator = new WatchValidator(settings.watchDefaults(), topics);
        // The global store's writer counts its writes, so that its readers need not read it per article.
        WatchStoreWrites watchWrites = new WatchStoreWrites();

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WATCHES_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), // the compacted watches topic is its changelog
                topics.watches(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts-watches-source"),
                () -> new WatchesStoreUpdater(WATCHES_STORE, watchWrites));

        // Cached, like the partition volume below: the detector rewrites a watch's open buckets per hit and a page or two of
        // the stream volume at every step of event time; a replay takes many steps a second. Only each key's newest value
        // reaches the changelog and RocksDB at a commit, which is all a restore needs.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DETECTOR_STORE), Serdes.String(),
                new WatchHistorySerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_BUCKETS_STORE), Serdes.String(),
                new OpenBucketsSerde()).withCachingEnabled());
        // The stream volume in pages (StoredStreamVolume writes their bytes): a put costs the pages that changed.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STREAM_VOLUME_STORE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled());
        // Cached: a put per article, but only the newest count per slot reaches the changelog at each commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PARTITION_VOLUME_STORE), Serdes.Long(),
                Serdes.Long()).withCachingEnabled());

        KStream<String, HandlingOutcome<ArticleHits>> matched = builder
                .stream(topics.enriched(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("alerts-enriched-source"))
                .process(() -> new ArticleMatchProcessor(WATCHES_STORE, PARTITION_VOLUME_STORE, validator, METRICS_SCOPE,
                        watchWrites),
                        Named.as("alerts-match"), PARTITION_VOLUME_STORE);
        // Articles that do not decode, or that matching fails on, go to the DLQ with their bytes (core's dead-letter path).
        KStream<String, ArticleHits> hits = DeadLetterRouting.split(matched, STAGE, topics.dlq());
        // Every partition's hits meet here in event-time order (docs/EVENT-TIME.md), under the watermarks enrich broadcast
        // into the enriched topic. Articles that matched no watch are not sent on; a hit below its partition's watermark
        // (an article enrich wrote out of order) is dropped and counted: its buckets may have been judged.
        EventTimeOrder.Spec merge = new EventTimeOrder.Spec(HITS_REPARTITION, METRICS_SCOPE, WatermarkPolicy.fromUpstream(),
                input.upstreamPartitions(), EventTimeMerge.LatePolicy.DROP, true, input.progress());
        SpikeDetectProcessor.Stores stores = new SpikeDetectProcessor.Stores(WATCHES_STORE, DETECTOR_STORE, OPEN_BUCKETS_STORE,
                STREAM_VOLUME_STORE);
        KStream<String, RoutedAlert> alerts = EventTimeOrder.merge(builder, hits, JsonSerde.withDataKeys(ArticleHits.class),
                        h -> !h.watchIds().isEmpty() || h.reportsVolume(), merge)
                .process(() -> new SpikeDetectProcessor(stores, settings::detectorParams, settings.volumeRetention(),
                        settings.watchDefaults().baseline(), validator, watchWrites),
                        Named.as("alerts-detect"), DETECTOR_STORE, OPEN_BUCKETS_STORE, STREAM_VOLUME_STORE)
                .processValues(() -> new AlertCounter(METRICS_SCOPE), Named.as("alerts-count-by-status"));

        Topic<String, Alert> alertEvents = topics.alertEvents();
        alerts.mapValues(RoutedAlert::alert, Named.as("alerts-unwrap"))
                .to(alertEvents.name(), Produced.with(alertEvents.keySerde(), alertEvents.valueSerde()).withName("alerts-sink"));
        alerts.filter((k, v) -> v.outputTopic() != null, Named.as("alerts-with-output-topic"))
                .to((k, v, ctx) -> v.outputTopic(), Produced.with(Serdes.String(), RoutedAlert.serde())
                        .withName("alerts-watch-topic-sink"));

        return builder.build();
    }

    /**
     * Streams properties for this stage on top of {@code base} (bootstrap servers and any client settings),
     * which is not modified.
     */
    public static Properties streamsProperties(AlertsSettings settings, Properties base) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.streams().applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.streams().stateDir().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(settings.commitInterval().toMillis()));
        // An alert waits in the producer for at most this long; Streams' own default (100 ms) adds to latency.
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
        // Records are decoded inside the topology (undecodable ones reach the DLQ there, with their bytes). Anything else that
        // throws for one record (a bug in detection) is the shared policy's: logged, skipped, sent to the DLQ.
        StreamsFailurePolicy.apply(p, settings.topics().dlq());
        return p;
    }
}
