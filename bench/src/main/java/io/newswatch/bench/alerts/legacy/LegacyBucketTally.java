package io.newswatch.bench.alerts.legacy;

import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.detect.IdHashes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.newswatch.core.AlertArticle;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * What one watch saw in one event-time bucket. Every figure here is a function of the <em>set</em> of
 * articles added, never of their order: counts, distinct sources and stories, and the evidence (each
 * source's earliest article by event time, then id). That is what makes replay agree with live.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class LegacyBucketTally {

    /** Bounds state for a pathological bucket; beyond it articles still count but are not de-duplicated. */
    static final int MAX_REMEMBERED_IDS = 50_000;

    /** Per source: how many articles and the earliest one (evidence). */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    static final class SourceTally {
        int count;
        AlertArticle earliest;
    }

    long articles;
    IdHashes articleIds = new IdHashes();
    TreeMap<String, SourceTally> sources = new TreeMap<>();
    IdHashes stories = new IdHashes();

    /** Adds an article; false when this article was already counted in this bucket. */
    boolean add(Hit hit) {
        if (articleIds.size() < MAX_REMEMBERED_IDS) {
            if (!articleIds.add(hit.articleId())) {
                return false;
            }
        }
        articles++;
        SourceTally s = sources.computeIfAbsent(hit.source(), k -> new SourceTally());
        s.count++;
        AlertArticle candidate = new AlertArticle(hit.articleId(), hit.title(), hit.link(), hit.sourceName(), hit.eventTime());
        if (s.earliest == null || EVIDENCE_ORDER.compare(candidate, s.earliest) < 0) {
            s.earliest = candidate;
        }
        if (hit.storyId() != null && stories.size() < MAX_REMEMBERED_IDS) {
            stories.add(hit.storyId());
        } else if (hit.storyId() == null && stories.size() < MAX_REMEMBERED_IDS) {
            stories.add("article:" + hit.articleId());
        }
        return true;
    }

    long articles() {
        return articles;
    }

    /** Articles with each source counted at most {@code cap} times: what the score is computed on. */
    long counted(int cap) {
        long n = 0;
        for (SourceTally s : sources.values()) {
            n += Math.min(s.count, cap);
        }
        return n;
    }

    int distinctSources() {
        return sources.size();
    }

    int distinctStories() {
        return stories.size();
    }

    List<AlertArticle> evidence(int limit) {
        return sources.values().stream().map(s -> s.earliest).sorted(EVIDENCE_ORDER).limit(limit).toList();
    }

    static final Comparator<AlertArticle> EVIDENCE_ORDER = Comparator
            .comparing((AlertArticle a) -> a.eventTime() == null ? Instant.MAX : a.eventTime())
            .thenComparing(AlertArticle::id);
}
