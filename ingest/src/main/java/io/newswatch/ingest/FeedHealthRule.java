package io.newswatch.ingest;

import io.newswatch.core.FeedStatus.Health;
import java.time.Duration;
import java.time.Instant;

/**
 * When a feed counts as failing or silent. Pure: it looks at what a poll left in the feed's state.
 * <ul>
 *   <li>FAILING: {@code failingAfter} polls in a row failed (fetch, parse or publish). The backoff has grown by then
 *       (min-interval doubled four times with the default 5), so a passing hiccup is not reported.</li>
 *   <li>SILENT: polls succeed, but the newest item is older than {@code silentFactor} times the feed's usual gap between
 *       items, and older than {@code silentMin}: a feed that posts every 20 minutes and has said nothing for a day has
 *       probably moved or broken in a way that still answers 200 (an empty feed, a frozen cache). The floor keeps a busy
 *       feed's quiet night from counting. A feed whose items carry no dates is never judged silent.</li>
 * </ul>
 */
public record FeedHealthRule(int failingAfter, int silentFactor, Duration silentMin) {

    /** What a poll left: the error streak, the newest item's time and the usual gap between items (both may be null). */
    public record Observed(int consecutiveErrors, Instant newestItemAt, Duration usualItemGap) {
    }

    public Health judge(Observed feed, Instant now) {
        if (feed.consecutiveErrors() >= failingAfter) {
            return Health.FAILING;
        }
        if (feed.consecutiveErrors() == 0 && silentFor(feed, now) != null) {
            return Health.SILENT;
        }
        return Health.HEALTHY;
    }

    /** How long the feed has been silent past its threshold's start, or null when it is not silent. */
    private Duration silentFor(Observed feed, Instant now) {
        if (feed.newestItemAt() == null || feed.usualItemGap() == null) {
            return null;
        }
        Duration quiet = Duration.between(feed.newestItemAt(), now);
        return quiet.compareTo(threshold(feed.usualItemGap())) > 0 ? quiet : null;
    }

    /** The silence after which a feed with this usual gap counts as silent. */
    public Duration threshold(Duration usualItemGap) {
        Duration scaled = usualItemGap.multipliedBy(silentFactor);
        return scaled.compareTo(silentMin) > 0 ? scaled : silentMin;
    }
}
