package io.newswatch.app.runtime;

import io.newswatch.ingest.FeedStats;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * One log line on the health of the ingest stage, written every {@code app.status-interval} by
 * {@code newswatch run}: how many feeds answer, how many articles they brought, and the feeds failing
 * longest, so that a dead feed shows up without reading every per-feed warning.
 */
public final class IngestStatus {

    private static final int WORST_SHOWN = 3;

    private IngestStatus() {
    }

    public static String summarize(Collection<FeedStats> feeds) {
        long failing = feeds.stream().filter(f -> f.consecutiveErrors() > 0).count();
        long articles = feeds.stream().mapToLong(FeedStats::newArticles).sum();
        long fetches = feeds.stream().mapToLong(FeedStats::fetches).sum();
        long notModified = feeds.stream().mapToLong(FeedStats::notModified).sum();
        StringBuilder line = new StringBuilder("ingest: ").append(feeds.size()).append(" feeds, ")
                .append(feeds.size() - failing).append(" healthy, ").append(failing).append(" failing; ")
                .append(articles).append(" new articles from ").append(fetches).append(" fetches (")
                .append(notModified).append(" not modified) since start");
        if (failing > 0) {
            line.append("; failing longest: ").append(feeds.stream().filter(f -> f.consecutiveErrors() > 0)
                    .sorted(Comparator.comparingInt(FeedStats::consecutiveErrors).reversed().thenComparing(FeedStats::feed))
                    .limit(WORST_SHOWN)
                    .map(f -> f.feed() + " (" + f.consecutiveErrors() + "x: " + f.lastError() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return line.toString();
    }
}
