package io.newswatch.enrich;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.TagMatch;
import io.newswatch.enrich.entities.EntityExtractor;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.taxonomy.Tagger;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import java.time.Clock;
import java.util.List;

/**
 * Article in, {@link EnrichedArticle} out: taxonomy tags and gazetteer entities, each with its evidence,
 * and the version of both. No Kafka and no state: the topology runs it per record, and
 * {@code newswatch tag} runs it on a file. The story id is left empty here; it needs the history of
 * other articles, which only the topology has.
 *
 * <p>Not thread-safe (it holds a {@link Tagger}): one per stream task or per thread.
 */
public final class ArticleEnricher implements AutoCloseable {

    private final Tagger tagger;
    private final EntityExtractor entities;
    private final Clock clock;
    private final String version;

    public ArticleEnricher(Tagger tagger, EntityExtractor entities, Clock clock) {
        this.tagger = tagger;
        this.entities = entities;
        this.clock = clock;
        this.version = versionOf(tagger, entities);
    }

    /**
     * The version stamped on every enriched record: {@code <taxonomy version>+gazetteer.<gazetteer hash>},
     * so a replay with another taxonomy or another gazetteer can be told apart.
     */
    public static String versionOf(Tagger tagger, EntityExtractor entities) {
        return tagger.version() + "+gazetteer." + entities.version();
    }

    /** Loads the taxonomy and gazetteer the settings name; fails with the file and the tag or entry at fault. */
    public static ArticleEnricher load(EnrichSettings settings) {
        EntityExtractor extractor = EntityExtractor.of(Gazetteer.load(settings.gazetteerDir()));
        return new ArticleEnricher(TaxonomyTagger.load(settings.taxonomyPath()), extractor, Clock.systemUTC());
    }

    public EnrichedArticle enrich(Article article) {
        String text = article.text();
        List<TagMatch> tags = tagger.tag(text);
        List<EntityMatch> found = entities.extract(text);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, tags, found, null, version, clock.instant());
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        tagger.close();
    }
}
