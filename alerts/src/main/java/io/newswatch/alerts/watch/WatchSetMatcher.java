package io.newswatch.alerts.watch;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchSubject;
import io.newswatch.rules.Rule;
import io.newswatch.rules.RuleHit;
import io.newswatch.rules.RuleMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a set of watches an enriched article belongs to, with the text analysed once for all query watches:
 * their queries are compiled into one {@link RuleMatcher} whose rule ids are the watch ids. (One matcher per query
 * watch analysed every article's text once per watch: with a handful of query watches that was most of the
 * matching stage's time.) Tag and entity watches are looked up on the article. Ids come out sorted.
 *
 * <p>A query that will not compile matches nothing, as with {@link WatchMatcher}; the others still match.
 */
public final class WatchSetMatcher implements AutoCloseable {

    private final List<Watch> watches;
    private final RuleMatcher queries;

    private WatchSetMatcher(List<Watch> watches, RuleMatcher queries) {
        this.watches = watches;
        this.queries = queries;
    }

    /** {@code compiled} are the watches' own matchers: only those whose query compiled are put in the shared one. */
    public static WatchSetMatcher of(Collection<WatchMatcher> compiled) {
        List<Watch> sorted = compiled.stream().map(WatchMatcher::watch).sorted(Comparator.comparing(Watch::id)).toList();
        List<Rule> rules = new ArrayList<>();
        for (WatchMatcher m : compiled) {
            if (m.watch().subject() instanceof WatchSubject.Query query && m.compiles()) {
                rules.add(new Rule(m.watch().id(), query.value()));
            }
        }
        return new WatchSetMatcher(sorted, rules.isEmpty() ? null : RuleMatcher.compile(rules));
    }

    /** Ids of the watches the article belongs to, sorted. */
    public List<String> matches(EnrichedArticle a) {
        Set<String> byQuery = new HashSet<>();
        if (queries != null && a.article() != null) {
            for (RuleHit hit : queries.match(a.article().text())) {
                byQuery.add(hit.ruleId());
            }
        }
        List<String> out = new ArrayList<>();
        for (Watch w : watches) {
            boolean match = switch (w.subject()) {
                case WatchSubject.Tag tag -> a.hasTag(tag.value());
                case WatchSubject.Entity entity -> a.hasEntity(entity.value());
                case WatchSubject.Query query -> byQuery.contains(w.id());
            };
            if (match) {
                out.add(w.id());
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (queries != null) {
            queries.close();
        }
    }
}
