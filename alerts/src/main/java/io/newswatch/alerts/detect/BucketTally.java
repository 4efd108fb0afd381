package io.newswatch.alerts.detect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.newswatch.core.AlertArticle;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * What one watch saw in one event-time bucket that is not final yet. Articles arrive in the merge's deterministic
 * order (event time, key, hash), so every figure here is the same in every run: counts, distinct sources and stories,
 * and the evidence (each source's earliest article by event time, then id).
 *
 * <p>The score is computed on <em>counted</em> articles: an article counts when its story (near-duplicate cluster) is
 * new to the watch within its longest window, and each source counts at most a few stories per bucket. Syndicated
 * copies of one story therefore count once, and one source flooding a watch cannot make a spike by itself.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class BucketTally {

    /** Bounds state for a pathological bucket; beyond it articles still count but are not de-duplicated. */
    static final int MAX_REMEMBERED_IDS = 50_000;

    /** Per source: how many new stories and the earliest article (evidence). */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    static final class SourceTally {
        int count;
        AlertArticle earliest;
    }

    long articles;
    IdHashes articleIds = new IdHashes();
    TreeMap<String, SourceTally> sources = new TreeMap<>();
    IdHashes stories = new IdHashes();

    /**
     * Adds an article; false when this article was already counted in this bucket.
     *
     * @param storySeen the article's story was already counted by the watch in an earlier bucket
     */
    boolean add(Hit hit, boolean storySeen) {
        if (articleIds.size() < MAX_REMEMBERED_IDS && !articleIds.add(hit.articleId())) {
            return false;
        }
        articles++;
        boolean newStory = !storySeen && (stories.size() >= MAX_REMEMBERED_IDS || stories.add(storyKey(hit)));
        SourceTally s = sources.computeIfAbsent(hit.source(), k -> new SourceTally());
        if (newStory) {
            s.count++;
        }
        AlertArticle candidate = new AlertArticle(hit.articleId(), hit.title(), hit.link(), hit.sourceName(), hit.eventTime());
        if (s.earliest == null || EVIDENCE_ORDER.compare(candidate, s.earliest) < 0) {
            s.earliest = candidate;
        }
        return true;
    }

    /** The story an article belongs to; an article without a story id is a story of its own. */
    static String storyKey(Hit hit) {
        return hit.storyId() != null ? hit.storyId() : "article:" + hit.articleId();
    }

    /** New stories with each source counted at most {@code cap} times: what the score is computed on. */
    long counted(int cap) {
        long n = 0;
        for (SourceTally s : sources.values()) {
            n += Math.min(s.count, cap);
        }
        return n;
    }

    /** This bucket as the closed history keeps it. */
    ClosedBucket close(int sourceCap, int evidence) {
        IdHashes sourceKeys = new IdHashes();
        sources.keySet().forEach(sourceKeys::add);
        return new ClosedBucket(counted(sourceCap), articles, stories, sourceKeys, evidence(evidence));
    }

    List<AlertArticle> evidence(int limit) {
        return sources.values().stream().map(s -> s.earliest).sorted(EVIDENCE_ORDER).limit(limit).toList();
    }

    static final Comparator<AlertArticle> EVIDENCE_ORDER = Comparator
            .comparing((AlertArticle a) -> a.eventTime() == null ? Instant.MAX : a.eventTime())
            .thenComparing(AlertArticle::id);
}
