package io.newswatch.ingest.health;

import io.newswatch.ingest.FeedHealthRule;
import io.newswatch.core.FeedStatus;
import io.newswatch.core.FeedStatus.Health;
import io.newswatch.ingest.FeedStats;
import io.newswatch.ingest.schedule.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells users when a feed's health changes: after each poll it judges the feed ({@link FeedHealthRule}); on a change it
 * records the new health on the feed (saved with its state, so a restart or a move does not report it again), logs one
 * line (a warning when the feed turns failing or silent) and hands a {@link FeedStatus} to the sink (the feed-status topic).
 * The metrics read the health from each feed's stats.
 */
public final class FeedHealthReporter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHealthReporter.class);

    private final FeedHealthRule rule;
    private final Consumer<FeedStatus> sink;

    public FeedHealthReporter(FeedHealthRule rule, Consumer<FeedStatus> sink) {
        this.rule = rule;
        this.sink = sink;
    }

    /** Judges the feed after a poll at {@code now}; returns the status reported, or null when its health did not change. */
    public FeedStatus check(FeedState feed, Instant now) {
        FeedStats stats = feed.stats();
        Health previous = feed.health();
        Health health = rule.judge(new FeedHealthRule.Observed(stats.consecutiveErrors(), feed.newestItemAt(), feed.usualItemGap()), now);
        if (health == previous) {
            return null;
        }
        feed.health(health);
        FeedStatus status = new FeedStatus(feed.source().feedUrl(), feed.source().name(), health, previous,
                reason(health, previous, stats, feed, now), stats.consecutiveErrors(), stats.lastError(), stats.lastSuccessAt(),
                feed.newestItemAt(), feed.usualItemGap(), now);
        if (health == Health.HEALTHY) {
            LOG.info("feed {}: healthy again ({})", stats.feed(), status.reason());
        } else {
            LOG.warn("feed {}: {}: {}", stats.feed(), health, status.reason());
        }
        sink.accept(status);
        return status;
    }

    private String reason(Health health, Health previous, FeedStats stats, FeedState feed, Instant now) {
        return switch (health) {
            case FAILING -> stats.consecutiveErrors() + " polls in a row failed; last: " + stats.lastError();
            case SILENT -> "no new item for " + human(Duration.between(feed.newestItemAt(), now)) + "; usually one every "
                    + human(feed.usualItemGap()) + " (silent after " + human(rule.threshold(feed.usualItemGap())) + ")";
            case HEALTHY -> previous == Health.FAILING ? "polls succeed again" : "new items again";
        };
    }

    /** 3 d 4 h, 5 h 10 min, 12 min, 40 s: the two largest units. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes > 0 ? minutes + " min" : s + " s";
    }
}
