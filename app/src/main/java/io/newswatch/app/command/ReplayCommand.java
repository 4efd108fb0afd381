package io.newswatch.app.command;

import io.newswatch.alerts.AlertText;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.monitor.Monitor;
import io.newswatch.app.monitor.MonitorSettings;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.GroupProgress;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.ProgressLine;
import io.newswatch.app.runtime.Replay;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.runtime.TopicCopier;
import io.newswatch.app.tail.TailOptions;
import io.newswatch.app.tail.TextFormat;
import io.newswatch.app.tail.TopicTail;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Settings;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswatch replay}: a backtest of the enrich and alerts stages over stored articles, beside live. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Backtest: copy stored articles under another topic prefix, run enrich and alerts over the copy beside the "
                + "live pipeline, and print what they did and the alerts they raised.",
            "Everything runs on event time and the copy is read in event-time order, so a replay raises the alerts live would "
                    + "have raised, and two replays of the same articles raise the same alerts. Try a new taxonomy or new watches "
                    + "with --taxonomy and --watches before they go live. No webhook is called unless --webhooks is given.",
            "Needs a running cluster (the embedded broker of `newswatch run`, or --bootstrap-servers). Ends by itself once every "
                    + "article has been enriched and judged; exit code 1 if it was interrupted or a stage failed."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--prefix", required = true, paramLabel = "PREFIX",
            description = "Topic prefix of the backtest, e.g. backtest-1. (must be new: a used prefix is refused).")
    String prefix;

    @Option(names = "--from", paramLabel = "TOPIC", split = ",",
            description = "Stored topics of raw articles to replay (default: news.articles.history and news.articles.raw, "
                    + "with the live topic prefix: everything imported and ingested). Repeat or separate with commas.")
    List<String> from = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Replay only articles with an event time at or after this (ISO-8601, e.g. 2023-06-01T00:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Replay only articles with an event time before this.")
    Instant until;

    @Option(names = "--webhooks", description = "Also deliver the backtest's alerts to the configured webhooks (off: a backtest "
            + "reaches no live sink).")
    boolean webhooks;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = WatchCommand.DurationConverter.class,
            description = "Give up after this long (exit code 1, saying what was left), e.g. 2h. Default: no limit.")
    Duration timeout;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve /metrics, /health and /ready on this port (0: any free port, logged) while the replay runs. "
                    + "Default: none, whatever http.port says: a replay runs beside a live newswatch, which has that port.")
    Integer httpPort;

    @Option(names = "--print-alerts", description = "Print every alert event at the end, not only the counts per watch.")
    boolean printAlerts;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy to replay with instead of enrich.taxonomy.")
    Path taxonomy;

    @Option(names = "--watches", paramLabel = "FILE", description = "Watches file to replay with instead of alerts.watches-file.")
    Path watches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (taxonomy != null) {
            overrides.put(EnrichSettings.TAXONOMY.key(), Workspace.userPath(taxonomy).toString());
        }
        if (watches != null) {
            overrides.put(AlertsSettings.WATCHES_FILE.key(), Workspace.userPath(watches).toString());
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--since must be before --until");
        }
        Settings live = common.load(overrides);
        Topics liveTopics = AppSettings.from(live).kafka().topics();
        List<String> sources = from.isEmpty()
                ? defaultSources(live, liveTopics)
                : from.stream().map(liveTopics::resolve).distinct().toList();
        Replay.Options options = new Replay.Options(sources, new TopicCopier.Slice(since, until), webhooks, timeout);
        Replay.Result result;
        MonitorSettings monitorSettings = MonitorSettings.from(live, httpPort == null ? MonitorSettings.OFF : httpPort);
        try (Supervisor supervisor = new Supervisor("the replay")) {
            List<String> stages = Replay.stageLabels(options);
            Monitor monitor = supervisor.manage(Monitor.start(monitorSettings, stages));
            result = Replay.run(live, prefix, options, supervisor, ProgressLine.onStderr(), monitor);
        }
        printSummary(result, sources, KafkaCluster.clientOf(AppSettings.from(live)));
        if (!result.finished()) {
            spec.commandLine().getErr().println("replay did not finish (interrupted, timed out or a stage failed); left: "
                    + result.left().describe());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** ISO-8601 instants for --since and --until. */
    static final class InstantConverter implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("expected an ISO-8601 time such as 2023-06-01T00:00:00Z, got '"
                        + value + "'");
            }
        }
    }

    /** Everything stored: imported history and live articles, those of the two topics that exist. */
    private static List<String> defaultSources(Settings live, Topics topics) {
        try (GroupProgress progress = new GroupProgress(KafkaCluster.clientOf(AppSettings.from(live)).clientProperties())) {
            List<String> stored = new ArrayList<>();
            for (String topic : List.of(topics.history(), topics.raw())) {
                if (progress.exists(topic)) {
                    stored.add(topic);
                }
            }
            if (stored.isEmpty()) {
                throw new UsageException("nothing to replay: neither " + topics.history() + " nor " + topics.raw()
                        + " exists (import history with `newswatch import`, or run the pipeline)");
            }
            return stored;
        }
    }

    private void printSummary(Replay.Result result, List<String> sources, KafkaCluster cluster) {
        Topics topics = new Topics(result.prefix());
        TopicTail tail = new TopicTail(cluster.clientProperties());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        TailOptions all = new TailOptions(true, 0, false, 0);
        long enriched = tail.run(topics.enriched(), all, r -> "", nowhere);
        long deadLetters = tail.run(topics.dlq(), all, r -> "", nowhere);
        out.printf("replayed %d articles of %s under prefix %s%s%n", result.copied(), String.join(" + ", sources), result.prefix(),
                result.finished() ? "" : " (NOT FINISHED)");
        out.printf("  enriched:            %d%n", enriched);
        out.printf("  dropped, duplicate:  %d (same id, canonical link or GUID within enrich.dedup-retention)%n", result.duplicates());
        out.printf("  dropped, undecodable:%d (dead letters on %s)%n", deadLetters, topics.dlq());
        out.printf("  late within their partition: %d enriched out of order, %d left out of detection%n", result.lateEnriched(),
                result.lateDropped());

        Topic<String, Alert> alerts = topics.alertEvents();
        Map<String, Map<AlertStatus, Integer>> perWatch = new TreeMap<>();
        long events = tail.run(topics.alerts(), all, r -> {
            Alert a = alerts.value(r.value());
            if (a != null) {
                perWatch.computeIfAbsent(a.watchId(), k -> new EnumMap<>(AlertStatus.class)).merge(a.status(), 1, Integer::sum);
            }
            return "";
        }, nowhere);
        out.printf("alerts per watch (%d events on %s):%n", events, topics.alerts());
        out.printf("  %-28s %7s %7s %8s%n", "watch", "OPENED", "UPDATED", "RESOLVED");
        perWatch.forEach((watch, counts) -> out.printf("  %-28s %7d %7d %8d%n", watch, counts.getOrDefault(AlertStatus.OPENED, 0),
                counts.getOrDefault(AlertStatus.UPDATED, 0), counts.getOrDefault(AlertStatus.RESOLVED, 0)));
        if (printAlerts) {
            tail.run(topics.alerts(), all, new TextFormat(topics, AlertText::readable), out);
        }
        out.println("Look at them with: " + Workspace.command()
                + " tail news.alerts --from-beginning --format text --topic-prefix " + result.prefix());
    }
}
