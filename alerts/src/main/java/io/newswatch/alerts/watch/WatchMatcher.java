package io.newswatch.alerts.watch;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchSubject;
import io.newswatch.rules.Rule;
import io.newswatch.rules.RuleMatcher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an enriched article belongs to a watch: by tag id, by entity id, or by the watch's query
 * (the taxonomy's rule language) run against the article's title and summary.
 *
 * <p>A query watch whose rule cannot be compiled at run time (it passed validation with another rule
 * engine build) matches nothing and says so once in the log, rather than stopping the pipeline.
 */
public final class WatchMatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchMatcher.class);

    private final Watch watch;
    private final RuleMatcher rule;

    private WatchMatcher(Watch watch, RuleMatcher rule) {
        this.watch = watch;
        this.rule = rule;
    }

    /** Builds the matcher of a validated watch. Never throws for a bad query; see the class comment. */
    public static WatchMatcher of(Watch watch) {
        RuleMatcher rule = null;
        if (watch.subject() instanceof WatchSubject.Query query) {
            try {
                rule = RuleMatcher.compile(List.of(new Rule(watch.id(), query.value())));
            } catch (RuntimeException e) {
                LOG.warn("watch '{}': query cannot be compiled, the watch matches nothing until it is fixed: {}", watch.id(),
                        e.getMessage());
            }
        }
        return new WatchMatcher(watch, rule);
    }

    public Watch watch() {
        return watch;
    }

    /** False for a query watch whose query did not compile (it matches nothing). */
    public boolean compiles() {
        return !(watch.subject() instanceof WatchSubject.Query) || rule != null;
    }

    public boolean matches(EnrichedArticle a) {
        return switch (watch.subject()) {
            case WatchSubject.Tag tag -> a.hasTag(tag.value());
            case WatchSubject.Entity entity -> a.hasEntity(entity.value());
            case WatchSubject.Query query -> rule != null && a.article() != null && !rule.match(a.article().text()).isEmpty();
        };
    }

    @Override
    public void close() {
        if (rule != null) {
            rule.close();
        }
    }
}
