package io.newswatch.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.Json;
import io.newswatch.core.Topics;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.normalize.ArticleNormalizer;
import io.newswatch.ingest.parse.ParsedFeed;
import io.newswatch.ingest.parse.ParsedItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("import: reading JSON lines, CSV and saved feeds")
class ImportReadingTest {

    private static final IngestSettings INGEST = IngestSettings.defaults();

    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final StringWriter errors = new StringWriter();
    private final ImportProblems problems = new ImportProblems(new PrintWriter(errors, true), 100, () -> { });

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private List<Article> read(Path file, Instant captured) {
        InputReader reader = new InputReader(new SimpleArticles(INGEST), ArticleExtractor.direct(INGEST), INGEST.maxDecompressedBytes(), captured,
                problems, Topics.articlesOn("t"), workers, 2);
        List<Article> out = new ArrayList<>();
        reader.read(file, made -> out.add(made.article()));
        return out;
    }

    private List<Article> read(Path file) {
        return read(file, null);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImportReadingTest.class.getResource("/import/" + name).toURI());
    }

    private static Map<String, Article> byTitle(List<Article> articles) {
        return articles.stream().collect(Collectors.toMap(Article::title, Function.identity(), (a, b) -> a));
    }

    @Test
    @DisplayName("simple-form JSON lines become articles as ingest makes them: canonical link, u- id, source, domain, language")
    void simpleJsonLines() throws Exception {
        Path file = fixture("history.jsonl");
        Map<String, Article> read = byTitle(read(file));

        Article harbour = read.get("Harbour reopens after storm");
        assertThat(harbour.canonicalLink()).isEqualTo("https://coast-news.example/harbour-reopens");
        assertThat(harbour.sourceName()).isEqualTo("Coast News");
        assertThat(harbour.sourceDomain()).isEqualTo("coast-news.example");
        assertThat(harbour.summary()).isEqualTo("Ferries run again from Monday.");
        assertThat(harbour.feedUrl()).isEqualTo(file.toUri().toString());
        // The same item through ingest's own normalizer gets the same id: an import meets what ingest wrote.
        ParsedItem item = new ParsedItem("Harbour reopens after storm", null, null, "https://coast-news.example/harbour-reopens?utm_source=rss",
                null, List.of(), List.of(), Instant.parse("2023-06-24T08:00:00Z"), null);
        Article viaIngest = new ArticleNormalizer(INGEST.eventTimeRule(), 4000, true)
                .normalize(new ParsedFeed("Coast", "https://coast-news.example/", null, null, List.of(item), List.of()),
                        "https://coast-news.example/rss", null, null, Instant.parse("2023-06-24T09:00:00Z")).get(0);
        assertThat(harbour.id()).startsWith("u-").isEqualTo(viaIngest.id());
    }

    @Test
    @DisplayName("captured is the fetch time the event-time rule judges published against; ISO and RFC 822 both read")
    void capturedVersusPublished() throws Exception {
        Map<String, Article> read = byTitle(read(fixture("history.jsonl")));

        Article harbour = read.get("Harbour reopens after storm");
        assertThat(harbour.publishedAt()).isEqualTo("2023-06-24T08:00:00Z");
        assertThat(harbour.fetchedAt()).isEqualTo("2023-06-25T12:00:00Z");
        assertThat(harbour.eventTime()).isEqualTo("2023-06-24T08:00:00Z");
        assertThat(harbour.eventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);

        Article rail = read.get("Rail strike called off"); // RFC 822, and a captured time with an offset
        assertThat(rail.eventTime()).isEqualTo("2023-06-24T06:30:00Z");
        assertThat(rail.fetchedAt()).isEqualTo("2023-06-25T10:00:00Z");

        Article junk = read.get("Archive item with a junk date"); // 1970: implausible, so the capture time stands in
        assertThat(junk.eventTime()).isEqualTo("2023-06-25T10:00:00Z");
        assertThat(junk.eventTimeSource()).isEqualTo(EventTimeSource.FETCHED);

        Article publishedOnly = read.get("Published only"); // no captured: published is the fetch time too
        assertThat(publishedOnly.fetchedAt()).isEqualTo("2023-06-23T21:15:00Z");
        assertThat(publishedOnly.eventTime()).isEqualTo("2023-06-23T21:15:00Z");
    }

    @Test
    @DisplayName("bad lines are reported as FILE:LINE: reason and counted; the good ones around them are kept")
    void badJsonLines() throws Exception {
        Path file = fixture("history.jsonl");
        List<Article> read = read(file);

        assertThat(read).hasSize(5);
        assertThat(problems.count()).isEqualTo(3);
        assertThat(errors.toString().lines().toList()).containsExactly(
                file + ":4: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                file + ":5: no link",
                file + ":6: bad time in published: 'yesterday-ish' (expected ISO-8601 or RFC 822)");
    }

    @Test
    @DisplayName("a line with neither published nor captured is bad: there is no time to place it at")
    void noTimeAtAll() throws Exception {
        Path file = dir.resolve("x.jsonl");
        Files.writeString(file, "{\"title\":\"T\",\"link\":\"https://a.example/t\"}\n");

        assertThat(read(file)).isEmpty();
        assertThat(errors.toString()).isEqualTo(file + ":1: neither published nor captured: no time to place the article at" + System.lineSeparator());
    }

    @Test
    @DisplayName("a full Article line is taken as it is, id and times included")
    void fullArticle() throws Exception {
        Article a = new Article(1, "g-abc", "https://x.example/rss", "X", "x.example", "Full", "", "https://x.example/full",
                "https://x.example/full", "abc", List.of(), List.of(), "en", Instant.parse("2023-01-02T03:04:05Z"),
                Instant.parse("2023-01-02T04:00:00Z"), Instant.parse("2023-01-02T03:04:05Z"), EventTimeSource.PUBLISHED);
        Path file = dir.resolve("raw.jsonl");
        Files.writeString(file, Json.mapper().writeValueAsString(a) + "\n");

        assertThat(read(file)).containsExactly(a);
    }

    @Test
    @DisplayName("gzip is told by its magic number, whatever the name; a name without extension is sniffed")
    void gzip() throws Exception {
        Path file = dir.resolve("export-2023");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(Files.readAllBytes(fixture("history.jsonl")));
        }

        assertThat(read(file)).hasSize(5);
        assertThat(problems.count()).isEqualTo(3);
    }

    @Test
    @DisplayName("CSV: header names the columns, quoted commas and newlines work, bad rows are reported with their line")
    void csv() throws Exception {
        Path file = fixture("history.csv");
        Map<String, Article> read = byTitle(read(file));

        assertThat(read).containsOnlyKeys("Summit opens, leaders arrive", "Budget vote delayed", "A summary over two lines");
        assertThat(read.get("Summit opens, leaders arrive").summary()).isEqualTo("Talks begin in the capital.");
        assertThat(read.get("Summit opens, leaders arrive").eventTime()).isEqualTo("2023-06-22T10:00:00Z");
        assertThat(read.get("Budget vote delayed").eventTime()).isEqualTo("2023-06-22T15:45:00Z");
        assertThat(read.get("A summary over two lines").summary()).isEqualTo("first line second line");
        assertThat(errors.toString().lines().toList()).containsExactly(
                file + ":4: row has 8 fields, the header 7 (an unquoted comma?)",
                file + ":8: neither published nor captured: no time to place the article at");
    }

    @Test
    @DisplayName("a CSV header without a link column makes the file one bad record")
    void csvWithoutLink() throws Exception {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "headline,url\nA,https://a.example/\n");

        assertThat(read(file)).isEmpty();
        assertThat(errors.toString()).startsWith(file + ":1: CSV header names no title or no link column");
    }

    @Test
    @DisplayName("a saved feed goes through ingest's parser and normalizer, with --captured as its fetch time")
    void feed() throws Exception {
        Path file = fixture("feeds/river.xml");
        List<Article> read = read(file, Instant.parse("2023-06-23T12:00:00Z"));

        assertThat(read).extracting(Article::title).containsExactly("Flood defences hold overnight", "Bridge repairs finish early");
        assertThat(read).allSatisfy(a -> {
            assertThat(a.fetchedAt()).isEqualTo("2023-06-23T12:00:00Z");
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.sourceName()).isEqualTo("River Gazette");
        });
        assertThat(read.get(0).eventTime()).isEqualTo("2023-06-23T05:00:00Z");
    }

    @Test
    @DisplayName("a feed without --captured is placed by its file's modification time")
    void feedModificationTime() throws Exception {
        Path file = dir.resolve("saved.rss");
        Files.copy(fixture("feeds/river.xml"), file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2023-06-23T10:00:00Z")));

        assertThat(read(file)).extracting(Article::fetchedAt).containsOnly(Instant.parse("2023-06-23T10:00:00Z"));
    }

    @Test
    @DisplayName("reading a file twice gives the same ids (a re-import writes the same keys)")
    void stableIds() throws Exception {
        List<String> first = read(fixture("history.jsonl")).stream().map(Article::id).toList();
        List<String> second = read(fixture("history.jsonl")).stream().map(Article::id).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    @DisplayName("input forms: by extension after .gz, else by first character")
    void forms() {
        assertThat(InputForm.byName(Path.of("a.jsonl.gz"))).isEqualTo(InputForm.JSON_LINES);
        assertThat(InputForm.byName(Path.of("a.CSV"))).isEqualTo(InputForm.CSV);
        assertThat(InputForm.byName(Path.of("a.atom"))).isEqualTo(InputForm.FEED);
        assertThat(InputForm.byName(Path.of("README"))).isNull();
        assertThat(InputForm.byContent('{')).isEqualTo(InputForm.JSON_LINES);
        assertThat(InputForm.byContent('<')).isEqualTo(InputForm.FEED);
        assertThat(InputForm.byContent('t')).isEqualTo(InputForm.CSV);
    }

    @Test
    @DisplayName("directories are walked for files of ours; others are skipped and counted")
    void inputs() throws Exception {
        Path feeds = fixture("feeds");
        ImportInputs found = ImportInputs.expand(List.of(feeds, dir.resolve("missing.jsonl")));

        assertThat(found.files()).extracting(p -> feeds.relativize(p).toString().replace('\\', '/'))
                .containsExactly("broken.rss", "nested/hills.atom", "river.xml");
        assertThat(found.skipped()).isEqualTo(1);
        assertThat(found.missing()).containsExactly(dir.resolve("missing.jsonl"));
    }

    @Test
    @DisplayName("only the first N bad lines are printed; all are counted")
    void cap() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "x\n".repeat(30), StandardCharsets.UTF_8);
        StringWriter few = new StringWriter();
        ImportProblems capped = new ImportProblems(new PrintWriter(few, true), 20, () -> { });
        InputReader reader = new InputReader(new SimpleArticles(INGEST), ArticleExtractor.direct(INGEST), INGEST.maxDecompressedBytes(), null,
                capped, Topics.articlesOn("t"), workers, 2);
        reader.read(file, made -> { });

        assertThat(few.toString().lines()).hasSize(20);
        assertThat(capped.count()).isEqualTo(30);
        assertThat(capped.unprinted()).isEqualTo(10);
    }

}
