package io.newswatch.enrich.taxonomy;

import io.newswatch.core.TagMatch;
import io.newswatch.rules.RuleHit;
import io.newswatch.rules.RuleMatcher;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy's rules compiled into one {@link RuleMatcher}: text in, tags with evidence out, in
 * taxonomy order. Like the matcher, one instance per thread (each Kafka Streams task builds its own;
 * compiling the default taxonomy takes a few milliseconds).
 */
public final class TaxonomyTagger implements Tagger {

    private final Taxonomy taxonomy;
    private final RuleMatcher matcher;
    private final Map<String, String> labels = new HashMap<>();

    private TaxonomyTagger(Taxonomy taxonomy, RuleMatcher matcher) {
        this.taxonomy = taxonomy;
        this.matcher = matcher;
        taxonomy.tags().forEach(t -> labels.put(t.id(), t.label()));
    }

    /**
     * Loads, checks and compiles a taxonomy file.
     *
     * @throws TaxonomyException naming the tag and position at fault
     */
    public static TaxonomyTagger load(Path taxonomyYaml) {
        return of(TaxonomyLoader.load(taxonomyYaml));
    }

    /** Compiles a taxonomy already in memory (tests, generated taxonomies, a reload). */
    public static TaxonomyTagger of(Taxonomy taxonomy) {
        return new TaxonomyTagger(taxonomy, RuleMatcher.compile(taxonomy.rules()));
    }

    @Override
    public List<TagMatch> tag(String text) {
        List<RuleHit> hits = matcher.match(text);
        return hits.stream().map(h -> new TagMatch(h.ruleId(), labels.get(h.ruleId()), h.evidence())).toList();
    }

    @Override
    public String version() {
        return taxonomy.version();
    }

    /** The taxonomy behind this tagger. */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public void close() {
        matcher.close();
    }
}
