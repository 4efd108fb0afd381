package io.newswatch.bench.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The real headlines of ../shared/data that the labels point at, read at run time and never copied into the
 * project: the multi-outlet newsapi-2023.jsonl.gz and the BBC's bbc-headlines.jsonl. Each distinct title is kept
 * once (the first time it appears; the newsapi file repeats headlines captured more than once), as the text the
 * tagger reads in the pipeline: title, a line break, and the summary when there is one.
 */
final class HeadlineCorpus {

    /** The data sets, in the order they are read; a title seen in an earlier one is not repeated. */
    static final Map<String, String> FILES = Map.of("newsapi", "newsapi-2023.jsonl.gz", "bbc", "bbc-headlines.jsonl");
    private static final List<String> ORDER = List.of("newsapi", "bbc");

    /** One headline: its data set, the SHA-256 of its title (hex) and the text tagged. */
    record Headline(String dataset, String titleSha256, String text) {
    }

    private final List<Headline> headlines;
    private final Map<String, Headline> byKey;
    private final List<String> missingFiles;

    private HeadlineCorpus(List<Headline> headlines, List<String> missingFiles) {
        this.headlines = headlines;
        this.missingFiles = missingFiles;
        this.byKey = new LinkedHashMap<>();
        for (Headline h : headlines) {
            byKey.put(h.dataset() + "/" + h.titleSha256(), h);
        }
    }

    /** Reads the data sets present in {@code dataDir}; the ones absent are listed by {@link #missingFiles()}. */
    static HeadlineCorpus read(Path dataDir) {
        List<Headline> headlines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seenTitles = new HashSet<>();
        for (String dataset : ORDER) {
            Path file = dataDir.resolve(FILES.get(dataset));
            if (!Files.isRegularFile(file)) {
                missing.add(file.toString());
                continue;
            }
            try (BufferedReader reader = open(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = Json.mapper().readTree(line);
                    String title = node.path("title").asText("");
                    String sha = sha256(title);
                    if (seenTitles.add(sha)) {
                        String summary = node.path("summary").asText("");
                        headlines.add(new Headline(dataset, sha, summary.isEmpty() ? title : title + "\n" + summary));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new HeadlineCorpus(headlines, missing);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Every distinct headline read. */
    List<Headline> headlines() {
        return headlines;
    }

    /** The headline a label points at, or null when its data set is absent or the title is not in it. */
    Headline find(String dataset, String titleSha256) {
        return byKey.get(dataset + "/" + titleSha256);
    }

    /** Data files that were not there. */
    List<String> missingFiles() {
        return missingFiles;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
