package io.newswatch.core;

/** Which of an article's two times became its event time (see {@link EventTimeRule}). */
public enum EventTimeSource {
    /** The publisher's own date, present and plausible. */
    PUBLISHED,
    /** The time we fetched the feed: the publish date was missing, in the future, or implausibly old. */
    FETCHED
}
