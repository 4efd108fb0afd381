package io.newswatch.app.backtest;

/** Whether a goal is met; {@code NA} when there is nothing to judge it on (no spike day, no OPENED). */
public enum Verdict {
    PASS, FAIL, NA;

    /** How a person reads it in a table. */
    public String label() {
        return this == NA ? "n/a" : name();
    }
}
