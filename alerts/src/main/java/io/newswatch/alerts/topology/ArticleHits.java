package io.newswatch.alerts.topology;

import io.newswatch.alerts.detect.Hit;
import java.time.Instant;
import java.util.List;

/**
 * What the matching side sends to the detecting side through the internal repartition topic: one record
 * per enriched article, with the ids of the watches it matched. A record that matched nothing carries no
 * watch ids and only its event time: it still moves the detector's stream time on, so quiet watches'
 * buckets close (and alerts resolve) as the news flows, not only when their own articles arrive.
 */
public record ArticleHits(String articleId, Instant eventTime, String source, String sourceName, String storyId,
                          String title, String link, List<String> watchIds) {

    public ArticleHits {
        watchIds = watchIds == null ? List.of() : List.copyOf(watchIds);
    }

    public Hit hit() {
        return new Hit(articleId, eventTime, source, sourceName, storyId, title, link);
    }
}
