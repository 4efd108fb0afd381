package io.newswatch.app.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.newswatch.core.Article;
import io.newswatch.core.Json;
import io.newswatch.core.Topic;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.parse.FeedParseException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one input file of any {@link InputForm}, gzip-compressed or not (told by its first two bytes, not
 * its name), and hands each article it makes to a consumer. Every line or record that makes none is reported
 * to {@link ImportProblems} with the file and line, and reading goes on with the next one; a file that
 * breaks off (a truncated gzip) keeps what was read before the break.
 */
public final class InputReader {

    /** The simple form's columns (and JSON fields); any others ({@code country} and such) are ignored. */
    static final List<String> COLUMNS = List.of("title", "link", "summary", "source", "published", "captured", "language");

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private final SimpleArticles simple;
    private final ArticleExtractor feeds;
    private final long maxFeedBytes;
    private final Instant capturedOverride;
    private final ImportProblems problems;
    private final Topic<String, Article> topic;
    private final ObjectMapper json = Json.mapper();
    private final ObjectReader csv = new CsvMapper().readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);
    private final ExecutorService workers;
    private final int threads;
    private long recordsRead;

    /** An article and its JSON as it will be written (serialized by the worker that made it). */
    public record Made(Article article, byte[] json) {
    }

    /** What a worker makes of one line or row: an article, or a bad record. */
    @FunctionalInterface
    private interface RecordMapper<T> {
        Article map(T record) throws BadRecordException;
    }

    /** A batch of lines or rows with their line numbers, mapped on a worker, handed on in input order. */
    private record Batch<T>(List<T> records, long[] lines) {
    }

    private record Mapped(Made[] made, String[] bad, long[] lines) {
    }

    /**
     * @param simple           makes articles of simple-form lines and rows
     * @param feeds            ingest's parser and normalizer, for saved feeds
     * @param maxFeedBytes     a feed larger than this (decompressed) is refused, as ingest refuses it
     * @param capturedOverride the fetch time of every saved feed, or null for each file's modification time
     * @param problems         where bad lines go
     * @param topic            the topic values are serialized for
     * @param workers          threads that parse and normalize batches of lines (language detection is the costly step)
     * @param threads          how many threads {@code workers} has
     */
    public InputReader(SimpleArticles simple, ArticleExtractor feeds, long maxFeedBytes, Instant capturedOverride, ImportProblems problems,
                       Topic<String, Article> topic, ExecutorService workers, int threads) {
        this.simple = simple;
        this.topic = topic;
        this.workers = workers;
        this.threads = threads;
        this.feeds = feeds;
        this.maxFeedBytes = maxFeedBytes;
        this.capturedOverride = capturedOverride;
        this.problems = problems;
    }

    /** Lines (JSON lines), rows (CSV) and items (feeds) read so far, bad ones included. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Reads {@code file}; returns its form. Never throws for bad content: that is reported. */
    public InputForm read(Path file, Consumer<Made> out) {
        InputForm form = InputForm.byName(file);
        try (InputStream in = open(file)) {
            if (form == null) {
                form = InputForm.byContent(sniff(in));
            }
            switch (form) {
                case JSON_LINES -> readJsonLines(file, in, out);
                case CSV -> readCsv(file, in, out);
                case FEED -> readFeed(file, in, out);
            }
        } catch (IOException e) {
            problems.report(file, 0, "cannot read further: " + e.getMessage());
        }
        return form == null ? InputForm.CSV : form;
    }

    /** The file's bytes, decompressed when they start with the gzip magic number. */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
        }
        return raw;
    }

    /** The first character that is not a byte-order mark or white space, or -1; the stream is left where it was. */
    private static int sniff(InputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b == -1) {
                    return -1;
                }
                if (b != 0xEF && b != 0xBB && b != 0xBF && !Character.isWhitespace(b)) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    private void readJsonLines(Path file, InputStream in, Consumer<Made> out) throws IOException {
        String feedUrl = file.toUri().toString();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        Pipeline<String> pipeline = new Pipeline<>(file, line -> fromJson(line, feedUrl), out);
        long lineNumber = 0;
        String line;
        try {
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                recordsRead++;
                pipeline.add(line, lineNumber);
            }
        } catch (IOException e) {
            pipeline.finish();
            problems.report(file, lineNumber + 1, "cannot read further: " + e.getMessage());
            return;
        }
        pipeline.finish();
    }

    /**
     * Lines or rows go to the workers in batches; results come back in input order, so the bad lines are
     * reported in line order and the first ones printed are the first ones in the file, on every run.
     */
    private final class Pipeline<T> {
        private static final int BATCH = 512;
        private final Path file;
        private final RecordMapper<T> mapper;
        private final Consumer<Made> out;
        private final ArrayDeque<Future<Mapped>> inFlight = new ArrayDeque<>();
        private List<T> records = new ArrayList<>(BATCH);
        private long[] lines = new long[BATCH];

        Pipeline(Path file, RecordMapper<T> mapper, Consumer<Made> out) {
            this.file = file;
            this.mapper = mapper;
            this.out = out;
        }

        void add(T record, long line) {
            lines[records.size()] = line;
            records.add(record);
            if (records.size() == BATCH) {
                submit();
            }
        }

        void finish() {
            if (!records.isEmpty()) {
                submit();
            }
            while (!inFlight.isEmpty()) {
                handOn(inFlight.poll());
            }
        }

        private void submit() {
            Batch<T> batch = new Batch<>(records, Arrays.copyOf(lines, records.size()));
            records = new ArrayList<>(BATCH);
            inFlight.add(workers.submit(() -> map(batch)));
            // Bounded: the reader never runs far ahead of the workers (memory), yet each has a batch queued.
            if (inFlight.size() >= 2 * threads) {
                handOn(inFlight.poll());
            }
        }

        private Mapped map(Batch<T> batch) {
            int n = batch.records().size();
            Made[] made = new Made[n];
            String[] bad = new String[n];
            for (int i = 0; i < n; i++) {
                try {
                    Article a = mapper.map(batch.records().get(i));
                    made[i] = new Made(a, topic.bytes(a));
                } catch (BadRecordException e) {
                    bad[i] = e.getMessage();
                } catch (RuntimeException e) {
                    bad[i] = "cannot import: " + e;
                }
            }
            return new Mapped(made, bad, batch.lines());
        }

        private void handOn(Future<Mapped> future) {
            Mapped m;
            try {
                m = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading " + file + " failed: " + e.getCause(), e.getCause());
            }
            for (int i = 0; i < m.made().length; i++) {
                if (m.made()[i] != null) {
                    out.accept(m.made()[i]);
                } else {
                    problems.report(file, m.lines()[i], m.bad()[i]);
                }
            }
        }
    }

    private Article fromJson(String line, String feedUrl) throws BadRecordException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRecordException("not a JSON object");
        }
        if (node.hasNonNull("id") && node.hasNonNull("eventTime")) {
            try {
                return SimpleArticles.checkFull(json.treeToValue(node, Article.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new BadRecordException("not an Article: " + e.getMessage());
            }
        }
        return simple.toArticle(new SimpleArticles.Fields(text(node, "title"), text(node, "link"), text(node, "summary"),
                text(node, "source"), text(node, "published"), text(node, "captured"), text(node, "language")), feedUrl);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private void readCsv(Path file, InputStream in, Consumer<Made> out) throws IOException {
        String feedUrl = file.toUri().toString();
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        try (MappingIterator<List<String>> rows = csv.readValues(reader)) {
            if (!rows.hasNextValue()) {
                problems.report(file, 0, "empty CSV file: no header row");
                return;
            }
            Map<String, Integer> columns = header(rows.nextValue());
            if (!columns.containsKey("title") || !columns.containsKey("link")) {
                problems.report(file, 1, "CSV header names no title or no link column (it should name some of " + COLUMNS + ")");
                return;
            }
            Pipeline<List<String>> pipeline = new Pipeline<>(file, row -> fromRow(row, columns, feedUrl), out);
            long lastLine = -1;
            try {
                readRows(file, rows, pipeline, lastLine);
            } finally {
                pipeline.finish();
            }
        }
    }

    /** Rows to the pipeline; a row Jackson cannot read is reported, and reading stops only when it cannot get past one. */
    private void readRows(Path file, MappingIterator<List<String>> rows, Pipeline<List<String>> pipeline, long lastLine) {
        while (true) {
                long line = rows.getParser().currentLocation().getLineNr();
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    // The row's START_ARRAY is located at the end of the line before it (where the parser stood).
                    line = rows.getParser().currentTokenLocation().getLineNr() + 1;
                    List<String> row = rows.nextValue();
                    recordsRead++;
                    pipeline.add(row, line);
                } catch (RuntimeException | IOException e) {
                    recordsRead++;
                    problems.report(file, line, "bad CSV row: " + firstLine(e.getMessage()));
                    if (line == lastLine) {
                        problems.report(file, line, "rest of the file unreadable as CSV");
                        return;
                    }
                    lastLine = line;
                }
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            columns.putIfAbsent(name, i);
        }
        return columns;
    }

    private Article fromRow(List<String> row, Map<String, Integer> columns, String feedUrl) throws BadRecordException {
        if (row.size() > columns.size()) {
            throw new BadRecordException("row has " + row.size() + " fields, the header " + columns.size() + " (an unquoted comma?)");
        }
        return simple.toArticle(new SimpleArticles.Fields(cell(row, columns, "title"), cell(row, columns, "link"),
                cell(row, columns, "summary"),
                cell(row, columns, "source"), cell(row, columns, "published"), cell(row, columns, "captured"),
                cell(row, columns, "language")), feedUrl);
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= row.size() ? null : row.get(i);
    }

    private void readFeed(Path file, InputStream in, Consumer<Made> out) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(maxFeedBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxFeedBytes) {
            problems.report(file, 0, "feed is over the cap of " + maxFeedBytes + " bytes (ingest.max-decompressed-bytes)");
            return;
        }
        Instant captured = capturedOverride != null ? capturedOverride : Files.getLastModifiedTime(file).toInstant();
        String uri = file.toUri().toString();
        ArticleExtractor.Extraction x;
        try {
            x = feeds.extract(body, null, uri, uri, null, captured);
        } catch (FeedParseException | RuntimeException e) {
            recordsRead++;
            problems.report(file, 0, "unparseable feed: " + firstLine(e.getMessage()));
            return;
        }
        recordsRead += x.feed().items().size();
        x.articles().forEach(a -> out.accept(new Made(a, topic.bytes(a))));
        int empty = x.feed().items().size() - x.articles().size();
        if (empty > 0) {
            problems.report(file, 0, empty + " of " + x.feed().items().size() + " items carried neither title, summary nor link", empty);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
