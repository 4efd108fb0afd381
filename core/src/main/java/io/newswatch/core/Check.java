package io.newswatch.core;

import java.time.Duration;

/**
 * A rule a setting's value must follow beyond its type, like Kafka's {@code ConfigDef.Validator}. It returns what was
 * expected when the value breaks it ("expected at least 1"), or null; {@link Settings#get} turns that into
 * "config key K: expected at least 1, got 0 (from ...)".
 */
@FunctionalInterface
public interface Check<T> {

    /** What the value should have been, or null when it is fine. */
    String problem(T value);

    /** Any value. */
    static <T> Check<T> none() {
        return value -> null;
    }

    /** Both this check and {@code next}. */
    default Check<T> and(Check<? super T> next) {
        return value -> {
            String problem = problem(value);
            return problem != null ? problem : next.problem(value);
        };
    }

    static <N extends Number> Check<N> atLeast(long min) {
        return value -> value.longValue() >= min ? null : "expected at least " + min;
    }

    static <N extends Number> Check<N> between(long min, long max) {
        return value -> value.longValue() >= min && value.longValue() <= max ? null : "expected " + min + " to " + max;
    }

    /** A number above zero (a decimal such as a rate). */
    static Check<Double> aboveZero() {
        return value -> value > 0 ? null : "expected a number above 0";
    }

    static Check<Double> above(double min) {
        return value -> value > min ? null : "expected a number above " + min;
    }

    static Check<Duration> positive() {
        return value -> value.isNegative() || value.isZero() ? "expected a positive duration" : null;
    }

    static Check<Duration> notNegative() {
        return value -> value.isNegative() ? "expected a duration of 0 or more" : null;
    }

    static Check<String> notBlank(String why) {
        return value -> value.isBlank() ? "expected some text: " + why : null;
    }
}
