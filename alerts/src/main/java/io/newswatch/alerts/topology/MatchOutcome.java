package io.newswatch.alerts.topology;

/**
 * Result of decoding and matching one input record: either the hits to send on, or a dead letter (the
 * original key and value bytes; the reason travels in the record headers).
 */
public record MatchOutcome(ArticleHits hits, byte[] deadKey, byte[] deadValue) {

    public static MatchOutcome hits(ArticleHits hits) {
        return new MatchOutcome(hits, null, null);
    }

    public static MatchOutcome deadLetter(byte[] key, byte[] value) {
        return new MatchOutcome(null, key, value);
    }

    public boolean isDeadLetter() {
        return hits == null;
    }
}
