package io.newswatch.enrich.taxonomy;

/**
 * A taxonomy file that cannot be used: unreadable, malformed, a missing or repeated field, or a rule
 * that does not parse. The message names the source, the tag (id and index) and, for rules, the
 * character position in the rule, so the analyst can fix it without reading a stack trace.
 */
public class TaxonomyException extends RuntimeException {

    private final String tagId;
    private final int rulePosition;

    public TaxonomyException(String message, String tagId, int rulePosition, Throwable cause) {
        super(message, cause);
        this.tagId = tagId;
        this.rulePosition = rulePosition;
    }

    public TaxonomyException(String message) {
        this(message, null, -1, null);
    }

    /** The id of the tag at fault, or null when the fault is not in one tag. */
    public String tagId() {
        return tagId;
    }

    /** Zero-based offset in the tag's rule of a syntax error, or -1. */
    public int rulePosition() {
        return rulePosition;
    }
}
