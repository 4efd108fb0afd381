package io.newswatch.app.importer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The forms an import reads, told apart by the file name (after any {@code .gz}) and, for a name that says
 * nothing, by the first non-blank character: {@code {} starts JSON lines, {@code <} a feed, anything else is CSV.
 */
public enum InputForm {
    /** One JSON object per line: a full {@code Article} or the simple form. */
    JSON_LINES,
    /** A header row naming the simple form's columns, then one article per row. */
    CSV,
    /** A saved RSS or Atom document, parsed by ingest's parser. */
    FEED;

    /** The form a file name announces, or null when the extension is not one of ours. */
    public static InputForm byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "jsonl", "ndjson", "json" -> JSON_LINES;
            case "csv" -> CSV;
            case "xml", "rss", "atom", "rdf" -> FEED;
            default -> null;
        };
    }

    /** The form of content whose name said nothing, from its first non-blank character after any byte-order mark. */
    public static InputForm byContent(int firstNonBlank) {
        return switch (firstNonBlank) {
            case '{' -> JSON_LINES;
            case '<' -> FEED;
            default -> CSV;
        };
    }
}
