package io.newswatch.app.runtime;

import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.app.monitor.StageMeters;
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
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.Topology;

/**
 * The enrich stage: the Kafka Streams application of {@link EnrichTopology}, raw articles to enriched ones. Its taxonomy
 * and gazetteer are loaded and checked once, when it is planned: a rule with a syntax error or a bad gazetteer entry fails
 * there, naming the tag and position or the file and entry, before a broker starts and not inside a stream thread.
 */
public final class EnrichStage extends MergingStreamsStage {

    public static final String LABEL = "enrich";

    private final EnrichSettings settings;
    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;

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

    @Override
    protected Topology topology(StageContext context, MergeProgress merge) {
        Topics topics = context.topics();
        return EnrichTopology.build(settings, topics, new MergeInput(context.cluster().partitions(topics.raw()), merge,
                context.rawEnds()), taxonomy, gazetteer);
    }

    @Override
    protected Properties streamsProperties(Properties clientProperties) {
        return EnrichTopology.streamsProperties(settings, clientProperties);
    }

    @Override
    protected StageMeters meters(Supplier<? extends Map<MetricName, ? extends Metric>> metrics, StageContext context) {
        return PipelineMeters.enrich(metrics, context.topics());
    }
}
