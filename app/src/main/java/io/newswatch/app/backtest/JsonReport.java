package io.newswatch.app.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.core.Json;
import java.io.PrintWriter;

/**
 * The report as one JSON document ({@code --format json}): the fields of {@link BacktestReport}, or of
 * {@link BacktestComparison} with {@code --compare}, with times in ISO-8601 UTC. Unlike the records on the topics,
 * null fields are written (as null), so that every field is always there for a program to read.
 */
public final class JsonReport {

    private static final ObjectWriter WRITER = Json.mapper().copy()
            .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
            .writerWithDefaultPrettyPrinter();

    private JsonReport() {
    }

    public static void print(BacktestReport report, PrintWriter out) {
        write(report, out);
    }

    public static void print(BacktestComparison comparison, PrintWriter out) {
        write(comparison, out);
    }

    /** {@code newswatch watch test --format json}: the fields of {@link WatchTestReport}, written the same way. */
    public static void print(WatchTestReport report, PrintWriter out) {
        write(report, out);
    }

    private static void write(Object value, PrintWriter out) {
        try {
            out.println(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }
}
