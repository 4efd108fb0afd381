package io.newswatch.app.command;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.InvalidWatchException;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.backtest.JsonReport;
import io.newswatch.app.backtest.WatchTestReport;
import io.newswatch.app.backtest.WatchTestScore;
import io.newswatch.app.backtest.WatchTestTable;
import io.newswatch.app.backtest.WatchTester;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.runtime.ProgressLine;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch watch add|list|remove|test}: edits the watches on the compacted {@code news.watches} topic,
 * which a running alerts stage follows, so a change takes effect without a restart, and tries a watch on stored
 * history before it is added ({@code test}, which writes nothing). Every watch is validated (the alerts module's
 * {@link WatchValidator}) before anything is written or tried; a refusal names the field and exits 2.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Add, list or remove watches on the news.watches topic; a running pipeline picks changes up live.",
            "Test a watch on stored history first: how many alerts it would have raised per week."},
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class, WatchCommand.Test.class})
public final class WatchCommand implements Runnable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: add, list, remove or test");
    }

    /**
     * What every watch subcommand needs: the settings, the topics (and how to create them) and a validator with the configured
     * defaults.
     */
    private record Context(AppSettings app, AlertsSettings alerts, Topics topics, TopicLayout layout, WatchValidator validator) {
        static Context of(CommonOptions common) {
            Settings settings = common.load();
            AppSettings app = AppSettings.from(settings);
            AlertsSettings alerts = AlertsSettings.from(settings);
            Topics topics = app.kafka().topics();
            return new Context(app, alerts, topics, TopicLayout.from(settings, topics), new WatchValidator(alerts.watchDefaults(), topics));
        }

        Properties clientProperties() {
            return KafkaCluster.clientOf(app).clientProperties();
        }

        WatchStore store() {
            return new WatchStore(clientProperties(), topics);
        }
    }

    /** Durations as the settings write them: 30s, 10m, 2h, 3d or PT10M. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Settings.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected a duration like 30s, 10m, 2h, 3d or PT10M, got '" + value + "'");
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add (or replace) a watch from flags, or every watch of a YAML file (the format of config/watches.yaml).",
                "Exactly one of --query, --tag and --entity. Fields left out take the alerts.defaults.* settings."})
    static final class Add implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--file", paramLabel = "FILE", description = "YAML file of watches to add (instead of the flags below).")
        Path file;

        @Mixin
        WatchFields fields;

        @Option(names = "--no-learn", description = "Do not read the stored history on the enriched topic to learn each watch's "
                + "baseline before adding it (by default a watch learns, so it starts warm instead of cold).")
        boolean noLearn;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context context = Context.of(common);
            List<WatchInput> watches = file != null ? fromFile() : List.of(fromFlags());
            // Validate all before writing any: a file with one bad watch changes nothing.
            List<Watch> valid = watches.stream().map(context.validator()::validate).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (!noLearn) {
                valid = learned(context, valid, out);
            }
            try (WatchStore store = context.store()) {
                store.ensureTopic(context.layout());
                for (Watch w : valid) {
                    store.put(w);
                    out.println("added watch " + describe(w) + " to " + context.topics().watches());
                }
            }
            return 0;
        }

        /** The watches with what they learned from the stored history, each told to the user; unchanged without history. */
        private List<Watch> learned(Context context, List<Watch> watches, PrintWriter out) {
            String topic = context.topics().enriched();
            Map<String, LearnedBaseline> learned;
            // Reading a long history takes a while: the same progress line as `watch test`, on stderr.
            ProgressLine progress = ProgressLine.onStderr();
            try {
                learned = new WatchTester(context.clientProperties(), context.alerts(), progress::show).learn(topic, watches);
            } catch (UsageException noTopic) {
                out.println("no stored history to learn from (" + noTopic.getMessage() + "): the watches start cold");
                return watches;
            }
            progress.finish("read the history on " + topic + ": " + learned.size() + " of " + watches.size()
                    + (watches.size() == 1 ? " watch" : " watches") + " learned a baseline");
            List<Watch> withBaselines = new ArrayList<>();
            for (Watch w : watches) {
                LearnedBaseline l = learned.get(w.id());
                if (l == null) {
                    out.println("watch " + w.id() + ": nothing to learn from " + topic + " (no match, or less history than its"
                            + " longest window): it starts cold");
                    withBaselines.add(w);
                } else {
                    out.printf(Locale.ROOT, "watch %s: learned from %s to %s of %s: about %.1f stories a day in %.0f articles a day%n",
                            w.id(), l.since(), l.asOf(), topic, l.stories() / days(l), l.volume() / days(l));
                    withBaselines.add(w.withLearned(l));
                }
            }
            return withBaselines;
        }

        /** The decayed volume's span in days: the baseline memory, or less for a shorter history. */
        private static double days(LearnedBaseline l) {
            double tauDays = l.baseline().toMillis() / 86_400_000.0;
            double spanDays = Duration.between(l.since(), l.asOf()).toMillis() / 86_400_000.0;
            return tauDays * (1 - Math.exp(-spanDays / tauDays));
        }

        private List<WatchInput> fromFile() {
            if (fields.id != null || fields.definesWatch()) {
                throw new UsageException("give either --file or the watch's flags (--id, --query/--tag/--entity, ...), not both");
            }
            return WatchFile.load(Workspace.userPath(file));
        }

        private WatchInput fromFlags() {
            if (fields.id == null) {
                throw new UsageException("--id is required (or --file with watches)");
            }
            return fields.toInput(fields.id);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the watches on the watches topic.")
    static final class ListWatches implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text: one readable line per watch (default); json: one Watch per line.")
        OutputFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Context context = Context.of(common);
            Map<String, WatchInput> watches;
            try (WatchStore store = context.store()) {
                watches = store.list(READ_TIMEOUT);
            }
            format.printAll(spec.commandLine().getOut(), watches.values(), WatchInput.class, w -> describe(context.validator(), w));
            if (watches.isEmpty() && format == OutputFormat.text) {
                spec.commandLine().getErr().println("no watches on " + context.topics().watches());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove watches by id (a tombstone on the watches topic; its detector state is dropped).")
    static final class Remove implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Watch ids to remove.")
        List<String> ids;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context context = Context.of(common);
            try (WatchStore store = context.store()) {
                Map<String, WatchInput> existing = store.list(READ_TIMEOUT);
                List<String> unknown = ids.stream().filter(i -> !existing.containsKey(i)).toList();
                if (!unknown.isEmpty()) {
                    throw new UsageException("no watch " + String.join(", ", unknown) + " on " + context.topics().watches()
                            + "; there are: " + String.join(", ", existing.keySet()));
                }
                for (String i : ids) {
                    store.remove(i);
                    spec.commandLine().getOut().println("removed watch " + i);
                }
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run a watch over stored history before adding it, and say how many alerts it would have raised per "
                    + "week against a budget: the alerts stage's own matcher and detector over the enriched articles, in event-time "
                    + "order. Writes to no topic and delivers nothing.",
                "The watch: --query/--tag/--entity (and the other flags of `watch add`), or --id of a watch on the watches topic, or "
                    + "--file (all its watches, or the one --id names). Flags such as --sensitivity change the watch from --id or "
                    + "--file for the test."})
    static final class Test implements Callable<Integer> {

        /** The id of a watch given by flags without --id. */
        static final String DEFAULT_ID = "test";

        @Mixin
        CommonOptions common;

        @Option(names = "--file", paramLabel = "FILE", description = "YAML file of watches to test (config/watches.yaml format).")
        Path file;

        @Mixin
        WatchFields fields;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Read the history under this topic prefix (a backtest's, "
                + "e.g. backtest-1.) instead of the configured topics.")
        String prefix;

        @Option(names = "--since", paramLabel = "TIME", converter = ReplayCommand.InstantConverter.class,
                description = "Try the history from this time's UTC day (default: the first day with articles).")
        Instant since;

        @Option(names = "--until", paramLabel = "TIME", converter = ReplayCommand.InstantConverter.class,
                description = "Try the days before this time (default: up to the last day with articles).")
        Instant until;

        @Option(names = "--budget", paramLabel = "N", defaultValue = "" + WatchTestScore.DEFAULT_BUDGET_PER_WEEK,
                description = "OPENED a week a watch may raise on average (default ${DEFAULT-VALUE}: at most 3 a day, "
                        + "the goal of `backtest report`).")
        double budget;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "table: readable tables (default); json: one JSON document, field names as in docs/CLI.md.")
        BacktestCommand.ReportFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new ParameterException(spec.commandLine(), "--since must be before --until");
            }
            if (!(budget >= 0)) {
                throw new ParameterException(spec.commandLine(), "--budget must be 0 or more OPENED a week, got " + budget);
            }
            Context context = Context.of(common);
            // Validate before reading anything: a bad watch is refused at once, naming the field.
            List<Watch> watches = chosen(context).stream().map(fields::over).map(context.validator()::validate)
                    .sorted(Comparator.comparing(Watch::id)).toList();
            String history = prefix != null ? new Topics(prefix).enriched() : context.topics().enriched();
            ProgressLine progress = ProgressLine.onStderr();
            WatchTestReport report = new WatchTester(context.clientProperties(), context.alerts(), progress::show)
                    .test(history, watches, since, until, budget);
            progress.finish("tried " + watches.size() + (watches.size() == 1 ? " watch" : " watches") + " on " + report.articles()
                    + " articles of " + history);
            PrintWriter out = spec.commandLine().getOut();
            if (format == BacktestCommand.ReportFormat.json) {
                JsonReport.print(report, out);
            } else {
                WatchTestTable.print(report, out);
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** The watches the command line names, as given (not validated yet). */
        private List<WatchInput> chosen(Context context) {
            if (file != null) {
                if (fields.definesWatch()) {
                    throw new UsageException("give either --file or --query/--tag/--entity, not both");
                }
                List<WatchInput> all;
                try {
                    all = WatchFile.load(Workspace.userPath(file));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage(), e);
                }
                if (fields.id == null) {
                    if (all.isEmpty()) {
                        throw new UsageException("no watches in " + file);
                    }
                    return all;
                }
                return all.stream().filter(w -> fields.id.equals(w.id())).findFirst().map(List::of).orElseThrow(() ->
                        new UsageException("no watch " + fields.id + " in " + file + "; there are: "
                                + String.join(", ", all.stream().map(WatchInput::id).toList())));
            }
            if (fields.definesWatch()) {
                return List.of(fields.toInput(fields.id != null ? fields.id : DEFAULT_ID));
            }
            if (fields.id == null) {
                throw new UsageException("say which watch to test: --query, --tag or --entity (a new watch), --id (one on "
                        + context.topics().watches() + ") or --file");
            }
            Map<String, WatchInput> existing;
            try (WatchStore store = context.store()) {
                existing = store.list(READ_TIMEOUT);
            }
            WatchInput found = existing.get(fields.id);
            if (found == null) {
                throw new UsageException("no watch " + fields.id + " on " + context.topics().watches() + (existing.isEmpty() ? ""
                        : "; there are: " + String.join(", ", existing.keySet()))
                                + ". To try a new watch, give --query, --tag or --entity");
            }
            return List.of(found);
        }
    }

    /** A stored watch's line ({@link #describe(Watch)}), or why the alerts stage ignores it. */
    static String describe(WatchValidator validator, WatchInput stored) {
        try {
            return describe(validator.validate(stored));
        } catch (InvalidWatchException e) {
            return stored.id() + ": ignored by the alerts stage, " + e.getMessage();
        }
    }

    /** One readable line: id, what it counts, its sensitivity, and where alerts go besides news.alerts. */
    static String describe(Watch w) {
        StringBuilder line = new StringBuilder(w.id()).append(": ").append(w.subject())
                .append(", bucket ").append(human(w.bucket()))
                .append(", baseline ").append(human(w.baseline()))
                .append(", sensitivity ").append(w.sensitivity())
                .append(", min ").append(w.minArticles()).append(" articles")
                .append(" from ").append(w.minSources()).append(" sources");
        if (w.outputTopic() != null) {
            line.append(", also to topic ").append(w.outputTopic());
        }
        if (w.webhookUrl() != null) {
            line.append(", webhook");
        }
        if (!w.enabled()) {
            line.append(" [disabled]");
        }
        return line.append("  (").append(w.description()).append(')').toString();
    }

    /** As the settings write durations: 10m, 3d, 90s. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
