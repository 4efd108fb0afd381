package io.newswatch.ingest.fetch;

/** Fetches a feed's current body, or learns that it has not changed. Never throws for feed problems. */
public interface FeedFetcher {

    /**
     * @param location   an http(s) URL or a file path, as the feed source names it
     * @param validators what the previous successful fetch returned ({@link Validators#NONE} the first time)
     */
    FetchResult fetch(String location, Validators validators);
}
