package io.newswatch.ingest.parse;

/** A feed body that yielded no items; the message says why, in words a feed owner would understand. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
