package io.newswatch.alerts.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.newswatch.alerts.detect.Hit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the matching side sends to the detecting side through the internal repartition topic. Two kinds:
 *
 * <ul>
 *   <li>a hit: one article that matched watches ({@code watchIds}), with what counting and evidence need;</li>
 *   <li>a volume report ({@code volume} set, no watch ids): how many articles, matching or not, one input partition
 *       carried per 5-minute slot of event time since its last report. The detector judges each watch against the
 *       whole stream's volume (its share), and partial counts per partition keep non-matching articles out of the
 *       merge.</li>
 * </ul>
 */
public record ArticleHits(String articleId, Instant eventTime, String source, String sourceName, String storyId,
                          String title, String link, List<String> watchIds, TreeMap<Long, Long> volume) {

    public ArticleHits {
        watchIds = watchIds == null ? List.of() : List.copyOf(watchIds);
    }

    /** A hit of one article on {@code watchIds}. */
    public static ArticleHits hit(String articleId, Instant eventTime, String source, String sourceName, String storyId,
                                  String title, String link, List<String> watchIds) {
        return new ArticleHits(articleId, eventTime, source, sourceName, storyId, title, link, watchIds, null);
    }

    /** A hit of one article on {@code watchIds}. */
    public static ArticleHits of(Hit hit, List<String> watchIds) {
        return hit(hit.articleId(), hit.eventTime(), hit.source(), hit.sourceName(), hit.storyId(), hit.title(), hit.link(), watchIds);
    }

    /** A volume report: articles per slot index. */
    public static ArticleHits volume(Instant eventTime, Map<Long, Long> articlesPerSlot) {
        return new ArticleHits(null, eventTime, null, null, null, null, null, List.of(), new TreeMap<>(articlesPerSlot));
    }

    /** Not a field of the JSON: Jackson would write an {@code isX} getter as {@code "x"}, over the volume map. */
    @JsonIgnore
    public boolean reportsVolume() {
        return volume != null;
    }

    public Hit hit() {
        return new Hit(articleId, eventTime, source, sourceName, storyId, title, link);
    }
}
