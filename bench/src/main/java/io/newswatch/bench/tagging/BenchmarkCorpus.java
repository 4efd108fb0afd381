package io.newswatch.bench.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Json;
import io.newswatch.enrich.taxonomy.LabelledText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The article texts the tagging benchmarks and the evaluation command read: the real BBC headlines in
 * ../shared/data when present (never copied into the project), else the project's own labelled set.
 * Paths are relative to the project root, where bin/bench runs.
 */
public final class BenchmarkCorpus {

    /** Real headlines with summaries (41,642 lines), outside the project tree. */
    public static final Path BBC_HEADLINES = Path.of("..", "shared", "data", "bbc-headlines.jsonl");
    /** The project's own hand-written labelled set. */
    public static final Path LABELLED_SET = Path.of("enrich", "src", "test", "resources", "labelled", "headlines.jsonl");
    /** The shipped taxonomy. */
    public static final Path DEFAULT_TAXONOMY = Path.of("config", "taxonomy.yaml");

    private BenchmarkCorpus() {
    }

    /** Title + summary texts, from the BBC file when present, else from the labelled set; says which on stderr. */
    public static List<String> texts() {
        if (Files.isRegularFile(BBC_HEADLINES)) {
            System.err.println("corpus: " + BBC_HEADLINES.toAbsolutePath().normalize());
            return bbcTexts();
        }
        System.err.println("corpus: " + BBC_HEADLINES + " is absent; using the labelled set " + LABELLED_SET);
        return labelled().stream().map(LabelledText::text).toList();
    }

    /** The BBC headlines as title + "\n" + summary (title alone when there is no summary). */
    public static List<String> bbcTexts() {
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(BBC_HEADLINES, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                String title = node.path("title").asText("");
                String summary = node.path("summary").asText("");
                out.add(summary.isEmpty() ? title : title + "\n" + summary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BBC_HEADLINES, e);
        }
        return out;
    }

    /** The labelled set with expected tags. */
    public static List<LabelledText> labelled() {
        try (BufferedReader reader = Files.newBufferedReader(LABELLED_SET, StandardCharsets.UTF_8)) {
            return LabelledText.readJsonLines(reader, LABELLED_SET.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LABELLED_SET + " (run from the project root)", e);
        }
    }
}
