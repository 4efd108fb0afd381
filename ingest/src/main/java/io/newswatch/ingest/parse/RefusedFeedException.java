package io.newswatch.ingest.parse;

/**
 * A feed body we will not parse at all, for safety: it declares a DTD with entity definitions (the
 * shape of XXE and "billion laughs" attacks) or breaks a cap. Never retried with a more lenient parser.
 */
public final class RefusedFeedException extends FeedParseException {

    public RefusedFeedException(String message) {
        super(message);
    }
}
