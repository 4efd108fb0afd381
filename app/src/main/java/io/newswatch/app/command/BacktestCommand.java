package io.newswatch.app.command;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.backtest.BacktestComparison;
import io.newswatch.app.backtest.BacktestData;
import io.newswatch.app.backtest.BacktestReader;
import io.newswatch.app.backtest.BacktestReport;
import io.newswatch.app.backtest.BacktestScore;
import io.newswatch.app.backtest.EventsFile;
import io.newswatch.app.backtest.Goals;
import io.newswatch.app.backtest.HtmlReport;
import io.newswatch.app.backtest.JsonReport;
import io.newswatch.app.backtest.LabelledEvent;
import io.newswatch.app.backtest.SpikeRule;
import io.newswatch.app.backtest.TableReport;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.ProgressLine;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswatch backtest report}: judges what a replay ({@code newswatch replay --prefix P}) raised. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Judge backtests made with `newswatch replay --prefix P`."},
        subcommands = {BacktestCommand.Report.class})
public final class BacktestCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: report");
    }

    /** How the report is printed on stdout. */
    enum ReportFormat {
        /** Aligned tables for a terminal. */
        table,
        /** One JSON document, field names as in docs/CLI.md. */
        json
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Judge a backtest: per watch, matched articles and alerts per day and per week, spike days caught and lead "
                    + "times, OPENED off spike days, per spike and per day, against the goals of docs/ALERTS.md (PASS/FAIL); with "
                    + "--events, recall, false alarms, alerts per event and lead time against labelled events; with --compare, "
                    + "the same for two backtests side by side and the alerts only one of them raised.",
                "Reads the backtest's topics under PREFIX (enriched articles, alerts, watches) to their end; changes nothing."})
    static final class Report implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "PREFIX",
                description = "Topic prefix of the backtest, as given to replay (e.g. backtest-1.).")
        String prefix;

        @Option(names = "--events", paramLabel = "FILE", description = "YAML file of labelled events (title, start, end, watches), "
                + "see docs/CLI.md.")
        Path events;

        @Option(names = "--compare", paramLabel = "PREFIX2", description = "Another backtest to compare with: its metrics beside these, "
                + "the change (PREFIX minus PREFIX2), and the alerts only one of the two raised.")
        String compare;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "table: aligned tables (default); json: one JSON document with every figure.")
        ReportFormat format;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with a chart per watch.")
        Path html;

        @Option(names = "--watches", paramLabel = "FILE", description = "Judge these watches (YAML, as config/watches.yaml) instead of "
                + "those on the backtest's watches topic.")
        Path watches;

        @Option(names = "--since", paramLabel = "TIME", converter = ReplayCommand.InstantConverter.class,
                description = "Cover only from this time's UTC day (default: the backtest's first day).")
        Instant since;

        @Option(names = "--until", paramLabel = "TIME", converter = ReplayCommand.InstantConverter.class,
                description = "Cover only the days before this time (default: the backtest's last day).")
        Instant until;

        @Option(names = "--details", description = "With table: list every spike day of every watch (surge start, first OPENED, lead).")
        boolean details;

        @Option(names = "--trailing-days", paramLabel = "N", defaultValue = "" + SpikeRule.TRAILING_DAYS,
                description = "Days of history behind a day's median (default ${DEFAULT-VALUE}).")
        int trailingDays;

        @Option(names = "--spike-factor", paramLabel = "X", defaultValue = "" + SpikeRule.SPIKE_FACTOR,
                description = "A spike day has at least X times the trailing median (default ${DEFAULT-VALUE}).")
        double spikeFactor;

        @Option(names = "--spike-min", paramLabel = "N", defaultValue = "" + SpikeRule.SPIKE_MIN_ARTICLES,
                description = "A spike day has at least N matched articles (default ${DEFAULT-VALUE}).")
        int spikeMin;

        @Option(names = "--surge-factor", paramLabel = "X", defaultValue = "" + SpikeRule.SURGE_FACTOR,
                description = "A surge hour has at least X times the trailing mean hourly count (default ${DEFAULT-VALUE}).")
        double surgeFactor;

        @Option(names = "--surge-min", paramLabel = "N", defaultValue = "" + SpikeRule.SURGE_MIN_ARTICLES,
                description = "A surge hour has at least N matched articles (default ${DEFAULT-VALUE}).")
        int surgeMin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new ParameterException(spec.commandLine(), "--since must be before --until");
            }
            SpikeRule rule;
            try {
                rule = new SpikeRule(trailingDays, spikeFactor, spikeMin, surgeFactor, surgeMin);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Settings settings = common.load();
            AlertsSettings alerts = AlertsSettings.from(settings);
            List<LabelledEvent> labelled = events == null ? null : read(() -> EventsFile.load(Workspace.userPath(events)).events());
            List<WatchInput> given = watches == null ? null : read(() -> WatchFile.load(Workspace.userPath(watches)));
            ProgressLine progress = ProgressLine.onStderr();
            KafkaCluster cluster = KafkaCluster.clientOf(AppSettings.from(settings));

            BacktestReport report = judge(cluster, alerts, prefix, given, rule, labelled, progress);
            BacktestComparison comparison = compare == null ? null
                    : BacktestComparison.of(report, judge(cluster, alerts, compare, given, rule, labelled, progress));
            PrintWriter out = spec.commandLine().getOut();
            if (format == ReportFormat.json) {
                if (comparison == null) {
                    JsonReport.print(report, out);
                } else {
                    JsonReport.print(comparison, out);
                }
            } else if (comparison == null) {
                TableReport.print(report, details, out);
            } else {
                TableReport.print(comparison, details, out);
            }
            out.flush();
            if (html != null) {
                Path file = Workspace.userPath(html);
                Files.writeString(file, comparison == null ? HtmlReport.page(report) : HtmlReport.page(comparison), StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("wrote " + file);
            }
            return ExitCodes.OK;
        }

        private BacktestReport judge(KafkaCluster cluster, AlertsSettings alerts, String backtest, List<WatchInput> given, SpikeRule rule,
                                     List<LabelledEvent> labelled, ProgressLine progress) {
            WatchValidator validator = new WatchValidator(alerts.watchDefaults(), new Topics(backtest));
            BacktestReader reader = new BacktestReader(cluster.clientProperties(), validator, progress::show);
            BacktestData data;
            try {
                data = reader.read(backtest, given, since, until);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            progress.finish("read backtest " + backtest + ": " + data.days() + " days, " + data.articles() + " enriched articles, "
                    + data.alerts().size() + " alert events");
            return BacktestScore.score(data, rule, Goals.DEFAULT, labelled, events == null ? null : events.toString());
        }

        private static <T> T read(Supplier<T> load) {
            try {
                return load.get();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
    }
}
