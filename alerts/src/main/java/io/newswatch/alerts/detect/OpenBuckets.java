package io.newswatch.alerts.detect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeMap;

/**
 * The part of a watch's detector state that every matching article changes: tallies of the buckets that are not
 * final yet. Kept apart from {@link WatchHistory} so that an article costs one small write, not a write of the day
 * of history the windows need.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class OpenBuckets {

    TreeMap<Long, BucketTally> tallies = new TreeMap<>();
    /** Articles that arrived for a bucket already judged (none behind the event-time merge; counted if any). */
    long lateArticles;

    public long lateArticles() {
        return lateArticles;
    }

    public boolean isEmpty() {
        return tallies.isEmpty();
    }
}
