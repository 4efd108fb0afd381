package io.newswatch.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.core.Json;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.function.Function;

/** How a command prints records; lower-case so that {@code --format text} reads naturally. */
enum OutputFormat {
    /** One compact JSON object per line, for jq and programs. */
    json,
    /** Readable lines, for people. */
    text;

    /** Prints each record on its own line: as JSON of {@code type}, or as {@code readable} says. */
    <T> void printAll(PrintWriter out, Collection<T> records, Class<T> type, Function<T, String> readable)
            throws JsonProcessingException {
        ObjectWriter writer = Json.mapper().writerFor(type);
        for (T r : records) {
            out.println(this == json ? writer.writeValueAsString(r) : readable.apply(r));
        }
    }
}
