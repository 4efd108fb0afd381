package io.newswatch.app.runtime;

import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.enrich.EnrichTopology;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.taxonomy.Taxonomy;
import io.newswatch.enrich.taxonomy.TaxonomyLoader;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.MergeProgress;
import org.apache.kafka.streams.Topology;

/**
 * The enrich stage: the Kafka Streams application of {@link EnrichTopology}, raw articles to enriched ones. Its taxonomy
 * and gazetteer are loaded and checked once, when it is planned: a rule with a syntax error or a bad gazetteer entry fails
 * there, naming the tag and position or the file and entry, before a broker starts and not inside a stream thread.
 */
public final class EnrichStage implements PipelineStage {

    public static final String LABEL = "enrich";

    private final EnrichSettings settings;
    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;
    private final MergeProgress merge = new MergeProgress();

    private EnrichStage(EnrichSettings settings, Taxonomy taxonomy, Gazetteer gazetteer) {
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.gazetteer = gazetteer;
    }

    public static EnrichStage plan(Settings settings) {
        EnrichSettings enrich = EnrichSettings.from(settings);
        Taxonomy taxonomy = TaxonomyLoader.load(enrich.taxonomyPath());
        TaxonomyTagger.of(taxonomy).close(); // compiles every rule once: a syntax error fails here
        return new EnrichStage(enrich, taxonomy, Gazetteer.load(enrich.gazetteerDir()));
    }

    @Override
    public String label() {
        return LABEL;
    }

    public EnrichSettings settings() {
        return settings;
    }

    /** Progress of the event-time merge in front of dedup and story ids. */
    public MergeProgress merge() {
        return merge;
    }

    @Override
    public RunningStage start(StageContext context) {
        Topics topics = context.topics();
        KafkaCluster cluster = context.cluster();
        Topology topology = EnrichTopology.build(settings, topics,
                new MergeInput(cluster.partitions(topics.raw()), merge, context.rawEnds()), taxonomy, gazetteer);
        StreamsStage stage = StreamsStage.start(LABEL, topology, EnrichTopology.streamsProperties(settings, cluster.clientProperties()),
                context.failures());
        stage.bindMeters(context.monitor(), PipelineMeters.enrich(stage.kafkaStreams()::metrics, topics));
        return stage;
    }
}
