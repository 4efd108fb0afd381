package io.newswatch.app.command;

import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.importer.ImportInputs;
import io.newswatch.app.importer.ImportProblems;
import io.newswatch.app.importer.ImportProgress;
import io.newswatch.app.importer.ImportSummary;
import io.newswatch.app.importer.Importer;
import io.newswatch.app.importer.KafkaImportSink;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.parse.FeedDates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch import FILE|DIR...}: historic articles into Kafka with their real event times, so that
 * {@code replay} can backtest rules over months a new install never ingested.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write historic articles to Kafka (default topic news.articles.history), in event-time order, keyed by article id, "
                + "with the event time as record timestamp; then backtest over them with: newswatch replay --from "
                + "news.articles.history --prefix P",
            "FILE is JSON lines (full Articles, or {\"title\",\"link\",\"summary\",\"source\",\"published\",\"captured\"}), CSV "
                    + "with a header row "
                    + "naming those columns, or a saved RSS/Atom feed; any of them may be gzip-compressed. DIR is read recursively.",
            "Bad lines are reported on stderr as FILE:LINE: reason and counted; they never stop the import. "
                    + "Exit code 0 when done (even with bad lines), 1 if Kafka failed, 2 for a bad command line or a missing file."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files and directories to import.")
    List<Path> inputs;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "Topic to write to (default: news.articles.history, with the topic prefix). A short name of ours gets "
                    + "the prefix.")
    String topic;

    @Option(names = "--captured", paramLabel = "TIME",
            description = "Capture (fetch) time of saved feed files, ISO-8601 (2023-06-24T12:00:00Z); default: each file's "
                    + "modification time.")
    String captured;

    @Option(names = "--sort-chunk", paramLabel = "N", defaultValue = "" + Importer.Options.DEFAULT_SORT_CHUNK,
            description = "Articles sorted in memory before a chunk is spilled to a temporary file (default: ${DEFAULT-VALUE}).")
    int sortChunk;

    @Option(names = "--show-bad", paramLabel = "N", defaultValue = "20",
            description = "Print at most this many bad lines; all are counted (default: ${DEFAULT-VALUE}).")
    int showBad;

    @Option(names = "--no-detect-language",
            description = "Leave the language of simple-form lines that declare none unknown instead of detecting it (setting "
                    + "ingest.detect-language=false): about twice as fast, since detection is half the work; nothing downstream "
                    + "reads the language.")
    boolean noDetectLanguage;

    @Option(names = "--quiet", description = "No progress display (bad lines and the summary are still printed).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = common.load(noDetectLanguage ? Map.of(IngestSettings.DETECT_LANGUAGE.key(), "false") : Map.of());
        AppSettings app = AppSettings.from(settings);
        IngestSettings ingest = IngestSettings.from(settings);
        Topics topics = app.kafka().topics();
        String target = topic == null ? topics.history() : topics.resolve(topic);
        if (sortChunk < 1) {
            throw new UsageException("--sort-chunk must be at least 1, got " + sortChunk);
        }
        Instant capturedAt = captured == null ? null : parseCaptured(captured);
        ImportInputs found = ImportInputs.expand(inputs.stream().map(Workspace::userPath).toList());
        if (!found.missing().isEmpty()) {
            throw new UsageException("no such file or directory: " + found.missing().stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (found.files().isEmpty()) {
            throw new UsageException("nothing to import: the directories hold no .jsonl, .csv, .xml, .rss or .atom files ("
                    + found.skipped()
                    + " other files)");
        }

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KafkaCluster cluster = KafkaCluster.clientOf(app);
        // Before reading anything: a cluster that is not there fails now, not after minutes of sorting.
        TopicLayout layout = layoutWith(TopicLayout.from(settings, topics), target);
        cluster.provisionTopics(layout);
        warnOnRetention(layout, target, err);

        ImportProgress progress = new ImportProgress(err, System.console() != null, Duration.ofSeconds(5), quiet);
        ImportProblems problems = new ImportProblems(err, Math.max(0, showBad), progress::clear);
        Importer.Options options = new Importer.Options(target, capturedAt, sortChunk, Importer.Options.defaultChunkBytes(),
                Path.of(System.getProperty("java.io.tmpdir")));
        ImportSummary summary;
        try (KafkaImportSink sink = new KafkaImportSink(cluster.clientProperties(), target)) {
            summary = new Importer(ingest, options, problems, progress).run(found.files(), found.skipped(), sink);
        }
        if (problems.unprinted() > 0) {
            err.printf("... and %,d more bad lines not shown (--show-bad N shows more)%n", problems.unprinted());
        }
        summary.lines().forEach(out::println);
        out.flush();
        return 0;
    }

    /**
     * The pipeline's layout, plus the target when it is none of ours: created like the history topic
     * (compacted by article id, kept forever), for the same reason.
     */
    static TopicLayout layoutWith(TopicLayout layout, String target) {
        if (layout.find(target).isPresent()) {
            return layout;
        }
        Topics any = Topics.defaults();
        TopicLayout.TopicSpec history = TopicLayout.defaults(any).find(any.history()).orElseThrow();
        List<TopicLayout.TopicSpec> specs = new ArrayList<>(layout.topics());
        specs.add(new TopicLayout.TopicSpec("import", target, history.partitions(), history.configs()));
        return new TopicLayout(specs, layout.replicationFactor());
    }

    /** Kafka deletes by record timestamp: months-old articles in a topic with a week's retention are gone within minutes. */
    private static void warnOnRetention(TopicLayout layout, String target, PrintWriter err) {
        Map<String, String> configs = layout.find(target).map(TopicLayout.TopicSpec::configs).orElse(Map.of());
        String retention = configs.get("retention.ms");
        if (retention != null && !retention.equals("-1")) {
            err.println("warning: " + target + " keeps records for " + Duration.ofMillis(Long.parseLong(retention)).toDays()
                    + " days by record timestamp (the event time); imported articles older than that will be deleted soon after "
                    + "the import. Import to news.articles.history, or set topics.<name>.retention=forever for this topic.");
        }
    }

    private static Instant parseCaptured(String value) {
        Instant t = FeedDates.parse(value);
        if (t == null) {
            throw new UsageException("--captured: expected an ISO-8601 time like 2023-06-24T12:00:00Z, got '" + value + "'");
        }
        return t;
    }
}
