package io.newswatch.alerts.detect;

import io.newswatch.core.AlertArticle;
import java.util.List;

/**
 * A final bucket of one watch, as long as it lies inside the watch's longest window: what the windows are summed
 * from, and what tells whether a later article's story was already counted.
 *
 * @param counted  new stories, each source capped (see {@link BucketTally})
 * @param articles every matching article
 * @param stories  the stories counted
 * @param sources  the sources seen
 * @param evidence a few of the bucket's articles, earliest first, one per source
 */
record ClosedBucket(long counted, long articles, IdHashes stories, IdHashes sources, List<AlertArticle> evidence) {

    ClosedBucket {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
