package io.newswatch.enrich.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the story an article belongs to: the earlier article within {@code maxDistance} bits of its SimHash
 * and within {@code horizon} of its event time, by banded locality-sensitive hashing.
 *
 * <p>The 64 bits are cut into {@code maxDistance + 1} bands. Two fingerprints that differ in at most
 * {@code maxDistance} bits agree exactly on at least one band (pigeonhole), so looking up each band of the
 * new fingerprint in its bucket finds every candidate, with no false misses; the candidates are then
 * checked on the full distance. An article joins the nearest candidate's story (the earliest on a tie) and
 * is itself filed in its buckets under that story id, so a story can grow by small edits.
 *
 * <p>The buckets are a lookup structure, not the record of truth: {@link StoryIdAssigner} keeps one entry
 * per article in a changelogged store and refiles them with {@link #file} after a restart.
 * {@link #isExpired} tells the owner which entries to sweep.
 */
public final class StoryIndex {

    /** Where the buckets live. */
    public interface Buckets {
        /** Every entry filed under the bucket, in any order. */
        List<StoryEntry> get(String bucketKey);

        void add(String bucketKey, StoryEntry entry);
    }

    /** Buckets in a hash map; not thread-safe (one per stream task). */
    public static final class InMemoryBuckets implements Buckets {
        private final Map<String, List<StoryEntry>> buckets = new HashMap<>();

        @Override
        public List<StoryEntry> get(String bucketKey) {
            return buckets.getOrDefault(bucketKey, List.of());
        }

        @Override
        public void add(String bucketKey, StoryEntry entry) {
            buckets.computeIfAbsent(bucketKey, k -> new ArrayList<>(2)).add(entry);
        }

        /** Drops the entries the predicate picks, and buckets left empty. */
        public void removeIf(Predicate<StoryEntry> expired) {
            buckets.values().removeIf(entries -> {
                entries.removeIf(expired);
                return entries.isEmpty();
            });
        }

        /** Entries over all buckets (each article counts once per band). */
        public int size() {
            return buckets.values().stream().mapToInt(List::size).sum();
        }
    }

    /** The story id a fingerprint was filed under, and when. */
    public record StoryEntry(long fingerprint, long eventTimeMs, String storyId) {
    }

    public static final int MAX_DISTANCE_LIMIT = 15;

    private final int maxDistance;
    private final long horizonMs;
    private final int[] bandStarts;
    private final Buckets buckets;

    public StoryIndex(int maxDistance, Duration horizon, Buckets buckets) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE_LIMIT) {
            throw new IllegalArgumentException("maximum SimHash distance must be between 0 and " + MAX_DISTANCE_LIMIT + ", got "
                    + maxDistance);
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("story horizon must be positive, got " + horizon);
        }
        this.maxDistance = maxDistance;
        this.horizonMs = horizon.toMillis();
        this.buckets = buckets;
        int bands = maxDistance + 1;
        this.bandStarts = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            bandStarts[b] = b * 64 / bands;
        }
    }

    /**
     * The story id for an article with this fingerprint and event time: an earlier story's id when one is
     * near enough, else {@code ownStoryId}. Files the article under the returned id either way.
     */
    public String assign(long fingerprint, long eventTimeMs, String ownStoryId) {
        StoryEntry nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        List<String> keys = bucketKeys(fingerprint);
        for (String key : keys) {
            for (StoryEntry candidate : buckets.get(key)) {
                if (Math.abs(eventTimeMs - candidate.eventTimeMs()) > horizonMs) {
                    continue;
                }
                int d = SimHash.distance(fingerprint, candidate.fingerprint());
                if (d <= maxDistance && (d < nearestDistance
                        || d == nearestDistance && candidate.eventTimeMs() < nearest.eventTimeMs())) {
                    nearest = candidate;
                    nearestDistance = d;
                }
            }
        }
        String storyId = nearest == null ? ownStoryId : nearest.storyId();
        StoryEntry mine = new StoryEntry(fingerprint, eventTimeMs, storyId);
        for (String key : keys) {
            buckets.add(key, mine);
        }
        return storyId;
    }

    /** Files an entry decided earlier (rebuilding the buckets after a restart). */
    public void file(StoryEntry entry) {
        for (String key : bucketKeys(entry.fingerprint())) {
            buckets.add(key, entry);
        }
    }

    /** An entry older than the horizon before {@code nowMs} can no longer be anyone's nearest story. */
    public boolean isExpired(long entryEventTimeMs, long nowMs) {
        return entryEventTimeMs < nowMs - horizonMs;
    }

    /** One bucket key per band: the band number and the band's bits, e.g. {@code 3:1f2}. */
    List<String> bucketKeys(long fingerprint) {
        List<String> keys = new ArrayList<>(bandStarts.length - 1);
        for (int b = 0; b + 1 < bandStarts.length; b++) {
            int width = bandStarts[b + 1] - bandStarts[b];
            long bits = (fingerprint >>> bandStarts[b]) & (width == 64 ? -1L : (1L << width) - 1);
            keys.add(b + ":" + Long.toHexString(bits));
        }
        return keys;
    }
}
