package io.newswatch.rules;

/** A rule does not parse; names the rule id and the position in its expression. */
public class RuleSyntaxException extends RuntimeException {
    private final String ruleId;
    private final int position;

    public RuleSyntaxException(String ruleId, int position, String message, Throwable cause) {
        super("rule '" + ruleId + "'" + (position >= 0 ? " at position " + position : "") + ": " + message, cause);
        this.ruleId = ruleId;
        this.position = position;
    }

    public String ruleId() {
        return ruleId;
    }

    /** Zero-based character offset in the expression, or -1 when unknown. */
    public int position() {
        return position;
    }
}
