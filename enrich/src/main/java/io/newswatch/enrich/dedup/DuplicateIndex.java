package io.newswatch.enrich.dedup;

import java.time.Duration;
import java.util.List;

/**
 * Decides whether an article is a repeat, given when each of its keys was last seen.
 *
 * <p>A key repeats when it was seen at an event time no more than the retention before this one (or after
 * it: a late copy of something already passed is still a copy). Every sighting, passed or dropped,
 * refreshes all its keys, so an item that a feed keeps listing for weeks stays dropped; it passes again
 * only after an absence longer than the retention.
 */
public final class DuplicateIndex {

    /** Last-seen event times by key: a map in tests, a Kafka Streams state store in the topology. */
    public interface SeenStore {
        Long lastSeen(String key);

        void markSeen(String key, long eventTimeMs);
    }

    /** What the index decided, and which key decided it (for the log line). */
    public record Verdict(boolean duplicate, String matchedKey) {
        static final Verdict FIRST_SIGHTING = new Verdict(false, null);
    }

    private final long retentionMs;
    private final SeenStore store;

    public DuplicateIndex(Duration retention, SeenStore store) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("dedup retention must be positive, got " + retention);
        }
        this.retentionMs = retention.toMillis();
        this.store = store;
    }

    /** Checks the keys and records this sighting. */
    public Verdict check(List<String> keys, long eventTimeMs) {
        Verdict verdict = Verdict.FIRST_SIGHTING;
        for (String key : keys) {
            Long seen = store.lastSeen(key);
            if (seen != null && eventTimeMs - seen <= retentionMs && verdict == Verdict.FIRST_SIGHTING) {
                verdict = new Verdict(true, key);
            }
            store.markSeen(key, seen == null ? eventTimeMs : Math.max(seen, eventTimeMs));
        }
        return verdict;
    }

    /** A key last seen more than the retention before {@code nowMs} can be forgotten. */
    public boolean isExpired(long lastSeenMs, long nowMs) {
        return lastSeenMs < nowMs - retentionMs;
    }
}
