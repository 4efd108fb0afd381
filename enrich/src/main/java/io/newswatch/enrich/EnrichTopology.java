package io.newswatch.enrich;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.failure.DeadLetterRouting;
import io.newswatch.core.failure.RecordHandler;
import io.newswatch.core.failure.StreamsFailurePolicy;
import io.newswatch.enrich.dedup.DuplicateFilter;
import io.newswatch.enrich.entities.EntityExtractor;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.metrics.EnrichMetrics;
import io.newswatch.enrich.story.StoryIdAssigner;
import io.newswatch.enrich.taxonomy.Tagger;
import io.newswatch.enrich.taxonomy.Taxonomy;
import io.newswatch.enrich.taxonomy.TaxonomyLoader;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import io.newswatch.eventtime.EventTimeMerge;
import io.newswatch.eventtime.EventTimeOrder;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.WatermarkBroadcast;
import java.time.Clock;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code news.articles.raw} to {@code news.articles.enriched}: every distinct article once, with tags,
 * entities and a story id.
 *
 * <p>Two sub-topologies:
 * <ol>
 *   <li><b>enrich</b>, on as many tasks as the raw topic has partitions: read bytes, decode the article,
 *       tag it and extract entities ({@link ArticleEnricher}). A record that fails to decode or to enrich
 *       goes to the dead-letter topic with its original bytes ({@link DeadLetterRouting}).</li>
 *   <li><b>dedup-and-story</b>, on one partition: the articles of every raw partition, released in event-time
 *       order once every raw partition's watermark has passed them ({@link EventTimeOrder}); drop exact repeats by
 *       id, canonical link or GUID ({@link DuplicateFilter}), then give near-duplicates one story id
 *       ({@link StoryIdAssigner}); write to the enriched topic keyed by article id, timestamped with the article's
 *       event time. Because the order is fixed, which copy of a duplicate is kept and which article founds a
 *       story are the same in every run over the same input, and the enriched topic is written in event-time order.</li>
 * </ol>
 * The second stage reads a one-partition repartition topic because both questions it answers are about
 * the whole stream: a copy of an article under a new id, or a rewrite of a story by another outlet, hashes
 * to another raw partition, and per-partition state would never see the two together. At news volumes (a
 * few articles a second) one partition is plenty; in a replay it is the narrowest point, so everything that does not
 * need the whole stream (duplicate keys, story fingerprint, the output JSON) is done before it, in the parallel stage
 * ({@link ArticlePreparation}), and the second stage costs about a quarter of the enrich thread (docs/BENCHMARKS.md).
 */
public final class EnrichTopology {

    /** Stage name on dead letters from this topology. */
    public static final String STAGE = "enrich";
    /** Names the event-time merge in front of dedup and story ids, and so its repartition topic and stores. */
    public static final String MERGE = "dedup-and-story";


    /** Producer batch size, in bytes, unless the client properties set one. */
    static final int BATCH_SIZE = 512 * 1024;
    /** Streams record cache of the stage (the merge buffer's), in bytes, unless the client properties set one. */
    static final long CACHE_BYTES = 64L * 1024 * 1024;

    private EnrichTopology() {
    }

    /**
     * The production topology: the taxonomy and gazetteer the settings name, loaded and checked once here
     * (so a broken taxonomy fails at start-up, naming the tag and position), one compiled tagger per task.
     */
    public static Topology build(EnrichSettings settings, Topics topics, MergeInput input) {
        return build(settings, topics, input, TaxonomyLoader.load(settings.taxonomyPath()), Gazetteer.load(settings.gazetteerDir()));
    }

    /**
     * The production topology over a taxonomy and gazetteer loaded and checked already (the app's enrich stage loads them
     * when it is planned, before anything starts); one compiled tagger per task.
     */
    public static Topology build(EnrichSettings settings, Topics topics, MergeInput input, Taxonomy taxonomy, Gazetteer gazetteer) {
        return build(settings, topics, input, () -> TaxonomyTagger.of(taxonomy), EntityExtractor.of(gazetteer), Clock.systemUTC());
    }

    /** The topology, with the gazetteer loaded from {@link EnrichSettings#gazetteerDir()}; one tagger per task. */
    public static Topology build(EnrichSettings settings, Topics topics, MergeInput input, Supplier<Tagger> taggers) {
        return build(settings, topics, input, taggers, EntityExtractor.of(Gazetteer.load(settings.gazetteerDir())), Clock.systemUTC());
    }

    /** As {@link #build(EnrichSettings, Topics, MergeInput, Supplier)}, with the entity extractor and clock given. */
    public static Topology build(EnrichSettings settings, Topics topics, MergeInput input, Supplier<Tagger> taggers,
                                 EntityExtractor entities, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(DuplicateFilter.storeBuilder());
        builder.addStateStore(StoryIdAssigner.storeBuilder());

        KStream<byte[], byte[]> raw = builder.stream(topics.raw(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw-articles"));

        Supplier<RecordHandler<EnrichedArticle>> handlers = () -> new EnrichingHandler(
                new ArticleEnricher(taggers.get(), entities, clock), topics.rawArticles());
        KStream<String, EnrichedArticle> enriched = DeadLetterRouting.handle(raw, STAGE, EnrichMetrics.SCOPE, handlers, topics.dlq())
                .map((key, article) -> KeyValue.pair(article.article().id(), article), Named.as("key-by-article-id"));

        // Every partition's articles meet here, in event-time order (docs/EVENT-TIME.md); an article late within its own
        // raw partition is still deduplicated and written, out of order, and counted. The merge's watermarks travel on to
        // the enriched topic (dedup and story ids pass them through).
        EventTimeOrder.Spec merge = new EventTimeOrder.Spec(MERGE, EnrichMetrics.SCOPE,
                settings.watermarkPolicy().withInputEnds(input.ends()),
                input.upstreamPartitions(), EventTimeMerge.LatePolicy.FORWARD, true, input.progress());
        // The merge's serializer prepares each article in the parallel stage (duplicate keys, story fingerprint, final JSON),
        // so the serial stage behind the merge decodes only a small header and never re-encodes JSON.
        EventTimeOrder.merge(builder, enriched, new ArticlePreparation(), article -> true, merge)
                .mapValues((id, bytes) -> bytes == null ? null : ArticlePreparation.read(topics.enrichedArticles(), bytes),
                        Named.as("decode-in-order"))
                .process(() -> new DuplicateFilter(settings.dedupRetention()), Named.as("drop-duplicates"), DuplicateFilter.STORE)
                .process(() -> new StoryIdAssigner(settings.storyMaxDistance(), settings.storyHorizon()),
                        Named.as("assign-story-id"), StoryIdAssigner.STORE)
                // The merge's watermarks go to every enriched partition: alerts orders its input by them.
                .to(topics.enriched(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("enriched-articles")
                        .withStreamPartitioner(new WatermarkBroadcast<>()));
        return builder.build();
    }

    /**
     * Kafka Streams properties for this stage: {@code base} (bootstrap servers and any client property)
     * plus application id, processing guarantee, state directory, commit interval and threads from the
     * settings. {@code base} is not modified.
     *
     * <p>Records are decoded inside the topology ({@link DeadLetterRouting}); what fails outside it is the shared
     * {@link StreamsFailurePolicy}'s: logged, skipped and sent to the DLQ topic.
     */
    public static Properties streamsProperties(EnrichSettings settings, Properties base) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.streams().applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.streams().stateDir().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        settings.commitInterval().ifPresent(i -> p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, i.toMillis()));
        // Larger producer batches: this stage writes about five records per article (repartition, merge buffer and
        // changelogs, enriched), and with the producer's 16 KB batches a busy stretch (a replay, a catch-up) costs the
        // broker and the producer a request per few dozen records. Under exactly-once, records are visible only once
        // their transaction commits, and the commit flushes the producer: lingering up to the commit interval delays
        // nothing anyone can see (live that is Streams' own 100 ms; a replay commits every second). At news volumes
        // batches stay small either way. See docs/BENCHMARKS.md, replay, for what it saves.
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        if (!p.containsKey(ProducerConfig.BATCH_SIZE_CONFIG) && !p.containsKey(batchSize)) {
            p.put(batchSize, BATCH_SIZE);
        }
        // The record cache in front of the merge buffer (EventTimeMerge.bufferStore) absorbs each article's write and
        // delete when both fall within one commit interval; in a replay a second of articles is several megabytes.
        p.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        String linger = StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG);
        if (settings.processingGuarantee().equals(StreamsConfig.EXACTLY_ONCE_V2) && settings.commitInterval().isPresent()
                && !p.containsKey(ProducerConfig.LINGER_MS_CONFIG) && !p.containsKey(linger)) {
            p.put(linger, settings.commitInterval().get().toMillis());
        }
        StreamsFailurePolicy.apply(p, settings.topics().dlq());
        return p;
    }

    /** Decodes one raw record and enriches it; anything thrown here sends the record to the DLQ. */
    private record EnrichingHandler(ArticleEnricher enricher, Topic<String, Article> topic) implements RecordHandler<EnrichedArticle> {
        @Override
        public EnrichedArticle handle(byte[] key, byte[] value) {
            Article article = topic.value(value);
            if (article == null) {
                throw new IllegalArgumentException("record has no value (a tombstone): nothing to enrich");
            }
            return enricher.enrich(article);
        }

        @Override
        public void close() {
            enricher.close();
        }
    }
}
