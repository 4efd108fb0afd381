package io.newswatch.enrich.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A headline with its summary and the tags a person decided it should get; one line of a labelled
 * set such as {@code {"title": "...", "summary": "...", "tags": ["summit"]}}.
 *
 * @param title    the headline
 * @param summary  the summary, possibly empty
 * @param expected the tag ids it should get, possibly none
 */
public record LabelledText(String title, String summary, Set<String> expected) {

    public LabelledText {
        summary = summary == null ? "" : summary;
        expected = Set.copyOf(expected);
    }

    /** Title and summary as one text, as {@link io.newswatch.core.Article#text()} builds it. */
    public String text() {
        return summary.isEmpty() ? title : title + "\n" + summary;
    }

    /**
     * Reads JSON lines; blank lines are skipped, a bad line fails with its line number.
     *
     * @param source name for messages
     */
    public static List<LabelledText> readJsonLines(BufferedReader reader, String source) {
        List<LabelledText> out = new ArrayList<>();
        int lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                JsonNode title = node.get("title");
                if (title == null || title.asText().isBlank()) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": missing 'title'");
                }
                Set<String> tags = new TreeSet<>();
                JsonNode tagsNode = node.get("tags");
                if (tagsNode != null) {
                    tagsNode.forEach(t -> tags.add(t.asText()));
                }
                JsonNode summary = node.get("summary");
                out.add(new LabelledText(title.asText(), summary == null ? "" : summary.asText(), tags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + lineNo + ": " + e.getMessage(), e);
        }
        return out;
    }
}
