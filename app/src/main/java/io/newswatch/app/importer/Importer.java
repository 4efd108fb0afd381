package io.newswatch.app.importer;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.Topics;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.extract.ArticleExtractor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An import from start to end: read every input (any form, any mix), normalize each article as ingest
 * would, sort all of them together by event time (ties by id) in bounded memory, write each id once in
 * that order, and say what happened. Knows no Kafka: the {@link ImportSink} does the writing.
 */
public final class Importer {

    /**
     * @param topic           the topic the values are serialized for (and named in the summary)
     * @param captured        fetch time of every saved feed, or null for each file's modification time
     * @param sortChunk       articles sorted in memory before a chunk spills to disk
     * @param sortChunkBytes  about how much heap a chunk may take before it spills, whatever its size
     * @param tmpDir          where spills go
     */
    public record Options(String topic, Instant captured, int sortChunk, long sortChunkBytes, Path tmpDir) {

        public static final int DEFAULT_SORT_CHUNK = 200_000;

        /** A quarter of the heap, at most 256 MB: room for the merge, the producer's buffer and the id set beside it. */
        public static long defaultChunkBytes() {
            return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
        }

        public static Options of(String topic) {
            return new Options(topic, null, DEFAULT_SORT_CHUNK, defaultChunkBytes(), Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    private final IngestSettings ingest;
    private final Options options;
    private final ImportProblems problems;
    private final ImportProgress progress;

    public Importer(IngestSettings ingest, Options options, ImportProblems problems, ImportProgress progress) {
        this.ingest = ingest;
        this.options = options;
        this.problems = problems;
        this.progress = progress;
    }

    /**
     * Imports {@code files} (already expanded from directories) into {@code sink}, which the caller closes.
     * Lines are parsed and normalized on one worker thread per core; everything else runs on the caller's.
     */
    public ImportSummary run(List<Path> files, int skippedFiles, ImportSink sink) {
        long start = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newswatch-import-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(files, skippedFiles, sink, workers, threads, start);
        } finally {
            workers.shutdownNow();
        }
    }

    private ImportSummary run(List<Path> files, int skippedFiles, ImportSink sink, ExecutorService workers, int threads, long start) {
        InputReader reader = new InputReader(new SimpleArticles(ingest), ArticleExtractor.direct(ingest), ingest.maxDecompressedBytes(),
                options.captured(), problems, Topics.articlesOn(options.topic()), workers, threads);
        Map<InputForm, Integer> forms = new EnumMap<>(InputForm.class);
        long[] sources = new long[2];
        try (EventTimeSorter sorter = new EventTimeSorter(options.sortChunk(), options.sortChunkBytes(), options.tmpDir())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                InputForm form = reader.read(file, made -> {
                    Article article = made.article();
                    sorter.add(new EventTimeSorter.Entry(article.eventTime().toEpochMilli(), article.id(), made.json()));
                    sources[article.eventTimeSource() == EventTimeSource.FETCHED ? 1 : 0]++;
                    progress.reading(name, reader.recordsRead());
                });
                forms.merge(form, 1, Integer::sum);
            }

            long readNanos = System.nanoTime() - start;
            progress.startWriting();
            long total = sorter.size();
            IdSet written = new IdSet();
            long[] counts = new long[2]; // written, duplicates
            long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
            sorter.drain(entry -> {
                if (!written.add(entry.id())) {
                    counts[1]++;
                    return;
                }
                sink.send(entry);
                counts[0]++;
                range[0] = Math.min(range[0], entry.eventMillis());
                range[1] = Math.max(range[1], entry.eventMillis());
                progress.writing(counts[0] + counts[1], total, entry.eventMillis());
            });
            sink.flush();
            progress.clear();
            return new ImportSummary(options.topic(), forms, skippedFiles, reader.recordsRead(), counts[0], problems.count(), counts[1],
                    sources[0], sources[1], counts[0] == 0 ? null : Instant.ofEpochMilli(range[0]),
                    counts[0] == 0 ? null : Instant.ofEpochMilli(range[1]), sorter.spills(), Duration.ofNanos(readNanos),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
