package io.newswatch.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.Json;
import io.newswatch.core.TagMatch;
import io.newswatch.enrich.ArticleEnricher;
import io.newswatch.enrich.EnrichSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch tag FILE|-}: the enrich stage's tagger and gazetteer on some text, with the evidence
 * of every tag and entity, so that an analyst can try a rule before it goes live. Same code as the
 * topology ({@link ArticleEnricher}), no Kafka.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag text with the taxonomy and find its entities with the gazetteer; print each with its evidence.",
            "Input (FILE, or - for stdin) is plain text (the whole input is one document) or JSON lines, "
                    + "each an Article or {\"title\": ..., \"summary\": ...}.",
            "Try another taxonomy or gazetteer with --taxonomy/--gazetteer before deploying it."})
public final class TagCommand implements Callable<Integer> {

    private static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "Text or JSON lines to tag; - reads stdin.")
    String input;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy to use instead of enrich.taxonomy.")
    Path taxonomy;

    @Option(names = "--gazetteer", paramLabel = "DIR", description = "Gazetteer to use instead of enrich.gazetteer.")
    Path gazetteer;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: tags and entities with evidence, readable (default); json: one EnrichedArticle per line.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (taxonomy != null) {
            overrides.put(EnrichSettings.TAXONOMY.key(), Workspace.userPath(taxonomy).toString());
        }
        if (gazetteer != null) {
            overrides.put(EnrichSettings.GAZETTEER.key(), Workspace.userPath(gazetteer).toString());
        }
        EnrichSettings settings = EnrichSettings.from(common.load(overrides));
        List<Article> articles = articlesOf(read());
        PrintWriter out = spec.commandLine().getOut();
        ObjectWriter json = Json.mapper().writerFor(EnrichedArticle.class);
        try (ArticleEnricher enricher = ArticleEnricher.load(settings)) {
            for (Article article : articles) {
                EnrichedArticle enriched = enricher.enrich(article);
                if (format == OutputFormat.json) {
                    out.println(json.writeValueAsString(enriched));
                } else {
                    print(enriched, articles.size() > 1, out);
                }
            }
            if (format != OutputFormat.json) {
                out.println("(taxonomy " + enricher.version() + ")");
            }
        }
        out.flush();
        return 0;
    }

    private String read() throws IOException {
        if (input.equals("-")) {
            return readCapped(System.in, "stdin");
        }
        Path file = Workspace.userPath(Path.of(input));
        try (InputStream in = Files.newInputStream(file)) {
            return readCapped(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    private static String readCapped(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new UsageException(what + " is larger than " + MAX_INPUT_BYTES / (1024 * 1024) + " MB; split it");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** JSON lines when the input starts with '{', else one plain-text document (first line as title). */
    static List<Article> articlesOf(String text) {
        String trimmed = text.strip();
        List<Article> out = new ArrayList<>();
        if (trimmed.startsWith("{")) {
            int lineNo = 0;
            for (String line : trimmed.split("\\R")) {
                lineNo++;
                if (!line.isBlank()) {
                    out.add(fromJson(line, lineNo));
                }
            }
            return out;
        }
        int newline = trimmed.indexOf('\n');
        String title = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        String summary = newline < 0 ? "" : trimmed.substring(newline + 1).strip();
        out.add(article("input", title, summary));
        return out;
    }

    private static Article fromJson(String line, int lineNo) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new UsageException("line " + lineNo + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("line " + lineNo + " is not a JSON object");
        }
        if (node.hasNonNull("id") && node.hasNonNull("schemaVersion")) {
            try {
                return Json.mapper().treeToValue(node, Article.class);
            } catch (JsonProcessingException e) {
                throw new UsageException("line " + lineNo + " looks like an Article but does not read as one: " + e.getOriginalMessage());
            }
        }
        String title = node.path("title").asText("");
        String summary = node.path("summary").asText(node.path("text").asText(""));
        if (title.isBlank() && summary.isBlank()) {
            throw new UsageException("line " + lineNo + " has neither a title nor a summary (nor a text)");
        }
        return article("line-" + lineNo, title, summary);
    }

    private static Article article(String id, String title, String summary) {
        Instant now = Instant.now();
        return new Article(Article.SCHEMA_VERSION, id, null, null, null, title, summary, null, null, null, List.of(), List.of(),
                null, null, now, now, EventTimeSource.FETCHED);
    }

    private static void print(EnrichedArticle e, boolean withHeading, PrintWriter out) {
        if (withHeading) {
            String title = e.article().title();
            out.println("== " + (title.length() > 100 ? title.substring(0, 100) + "..." : title));
        }
        out.println("tags:" + (e.tags().isEmpty() ? " (none)" : ""));
        for (TagMatch t : e.tags()) {
            out.println("  " + t.id() + " (" + t.label() + "): " + String.join(", ", t.evidence()));
        }
        out.println("entities:" + (e.entities().isEmpty() ? " (none)" : ""));
        for (EntityMatch m : e.entities()) {
            out.println("  " + m.name() + " [" + m.type().name().toLowerCase(Locale.ROOT) + " " + m.id() + "]: "
                    + String.join(", ", m.evidence()));
        }
    }
}
