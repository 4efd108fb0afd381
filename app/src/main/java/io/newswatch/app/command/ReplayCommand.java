package io.newswatch.app.command;

import io.newswatch.alerts.AlertText;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.app.CommonOptions;
import io.newswatch.app.Workspace;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.Replay;
import io.newswatch.app.runtime.Supervisor;
import io.newswatch.app.tail.TailOptions;
import io.newswatch.app.tail.TextFormat;
import io.newswatch.app.tail.TopicTail;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.EnrichSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswatch replay}: a backtest of the enrich and alerts stages over stored articles, beside live. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Backtest: run enrich and alerts under another topic prefix over a copy of a stored topic of raw articles, "
                + "beside the live pipeline, and print the alerts they raise.",
            "Everything runs on event time, so the replay raises the alerts live would have raised. Try a new taxonomy or new "
                    + "watches with --taxonomy and --watches before they go live.",
            "Needs a running cluster (the embedded broker of `newswatch run`, or --bootstrap-servers). Ends when both stages "
                    + "have caught up and no alert has appeared for --idle, or on Ctrl-C."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--prefix", required = true, paramLabel = "PREFIX",
            description = "Topic prefix of the backtest, e.g. backtest-1. (must be new: a used prefix is refused).")
    String prefix;

    @Option(names = "--from", paramLabel = "TOPIC", defaultValue = "news.articles.raw",
            description = "Stored topic of raw articles to replay (default: ${DEFAULT-VALUE}, with the live topic prefix).")
    String from;

    @Option(names = "--idle", paramLabel = "DURATION", defaultValue = "10s", converter = WatchCommand.DurationConverter.class,
            description = "Stop once caught up and no new alert for this long (default: ${DEFAULT-VALUE}).")
    Duration idle;

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
            overrides.put(EnrichSettings.TAXONOMY, Workspace.userPath(taxonomy).toString());
        }
        if (watches != null) {
            overrides.put(AlertsSettings.PREFIX + "watches-file", Workspace.userPath(watches).toString());
        }
        Settings live = common.load(overrides);
        String source = AppSettings.from(live).kafka().topics().resolve(from);
        Settings backtest = Replay.backtestSettings(live, prefix);
        Replay.Result result;
        try (Supervisor supervisor = new Supervisor("the replay")) {
            result = Replay.run(backtest, source, idle, supervisor);
        }
        AppSettings app = AppSettings.from(backtest);
        Topics topics = app.kafka().topics();
        TopicTail tail = new TopicTail(KafkaCluster.clientOf(app).clientProperties());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        TailOptions all = new TailOptions(true, 0, false, 0);
        long enriched = tail.run(topics.enriched(), all, r -> "", nowhere);
        out.println("replayed " + result.copied() + " articles of " + source + " under prefix " + result.prefix() + ": "
                + enriched + " enriched, alerts on " + topics.alerts() + (result.interrupted() ? " (interrupted)" : "") + ":");
        long alerts = tail.run(topics.alerts(), all, new TextFormat(topics, AlertText::readable), out);
        out.println(alerts + " alert events. Look again with: bin/newswatch tail news.alerts --from-beginning --format text --topic-prefix "
                + result.prefix());
        return 0;
    }
}
