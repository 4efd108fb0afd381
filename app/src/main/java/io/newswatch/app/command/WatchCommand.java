package io.newswatch.app.command;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.CommonOptions;
import io.newswatch.app.UsageException;
import io.newswatch.app.Workspace;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.core.Json;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * {@code newswatch watch add|list|remove}: edits the watches on the compacted {@code news.watches} topic,
 * which a running alerts stage follows, so a change takes effect without a restart. Every watch is
 * validated (the alerts module's {@link WatchValidator}) before anything is written; a refusal names the
 * field and exits 2.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Add, list or remove watches on the news.watches topic; a running pipeline picks changes up live."},
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class})
public final class WatchCommand implements Runnable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: add, list or remove");
    }

    /** What every watch subcommand needs: the settings, the topics and a validator with the configured defaults. */
    private record Context(AppSettings app, Topics topics, WatchValidator validator) {
        static Context of(CommonOptions common) {
            Settings settings = common.load();
            AppSettings app = AppSettings.from(settings);
            AlertsSettings alerts = AlertsSettings.from(settings);
            Topics topics = app.kafka().topics();
            return new Context(app, topics, new WatchValidator(alerts.watchDefaults(), topics));
        }

        WatchStore store() {
            return new WatchStore(KafkaCluster.clientOf(app).clientProperties(), topics, validator);
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

        @Option(names = "--id", paramLabel = "ID", description = "Short stable id, e.g. tomahawk.")
        String id;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the watch is for, shown in its alerts.")
        String description;

        @Option(names = "--query", paramLabel = "RULE", description = "A rule in the taxonomy's rule language, e.g. 'tomahawk*'.")
        String query;

        @Option(names = "--tag", paramLabel = "TAG", description = "A taxonomy tag id, e.g. arms-transfer.")
        String tag;

        @Option(names = "--entity", paramLabel = "ENTITY", description = "A gazetteer entity id, e.g. country:HU.")
        String entity;

        @Option(names = "--bucket", paramLabel = "DURATION", converter = DurationConverter.class, description = "Counting bucket, e.g. 10m.")
        Duration bucket;

        @Option(names = "--baseline", paramLabel = "DURATION", converter = DurationConverter.class, description = "History behind the expected rate, e.g. 3d.")
        Duration baseline;

        @Option(names = "--sensitivity", paramLabel = "SCORE", description = "Score (-log10 of the Poisson tail probability) at which an alert opens.")
        Double sensitivity;

        @Option(names = "--min-articles", paramLabel = "N", description = "Fewest articles in a bucket before any alert.")
        Integer minArticles;

        @Option(names = "--min-sources", paramLabel = "N", description = "Fewest distinct sources in a bucket before any alert.")
        Integer minSources;

        @Option(names = "--cooldown", paramLabel = "DURATION", converter = DurationConverter.class, description = "Quiet time after RESOLVED before it may open again.")
        Duration cooldown;

        @Option(names = "--output-topic", paramLabel = "TOPIC", description = "An extra topic for this watch's alerts.")
        String outputTopic;

        @Option(names = "--webhook", paramLabel = "URL", description = "URL that receives each alert as a JSON POST (Slack-compatible).")
        String webhook;

        @Option(names = "--disabled", description = "Add it paused.")
        boolean disabled;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context context = Context.of(common);
            List<Watch> watches = file != null ? fromFile() : List.of(fromFlags());
            // Validate all before writing any: a file with one bad watch changes nothing.
            List<Watch> valid = watches.stream().map(context.validator()::validate).toList();
            PrintWriter out = spec.commandLine().getOut();
            try (WatchStore store = context.store()) {
                store.ensureTopic();
                for (Watch w : valid) {
                    store.put(w);
                    out.println("added watch " + describe(w) + " to " + context.topics().watches());
                }
            }
            return 0;
        }

        private List<Watch> fromFile() {
            if (id != null || query != null || tag != null || entity != null) {
                throw new UsageException("give either --file or the watch's flags (--id, --query/--tag/--entity, ...), not both");
            }
            return WatchFile.load(Workspace.userPath(file));
        }

        private Watch fromFlags() {
            if (id == null) {
                throw new UsageException("--id is required (or --file with watches)");
            }
            return new Watch(Watch.SCHEMA_VERSION, id, description, query, tag, entity, bucket, baseline, sensitivity, minArticles,
                    minSources, cooldown, outputTopic, webhook, disabled ? Boolean.FALSE : null);
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
            Map<String, Watch> watches;
            try (WatchStore store = context.store()) {
                watches = store.list(READ_TIMEOUT);
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectWriter json = Json.mapper().writerFor(Watch.class);
            for (Watch w : watches.values()) {
                out.println(format == OutputFormat.json ? json.writeValueAsString(w) : describe(w));
            }
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
                Map<String, Watch> existing = store.list(READ_TIMEOUT);
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

    /** One readable line: id, what it counts, its sensitivity, and where alerts go besides news.alerts. */
    static String describe(Watch w) {
        String what = w.query() != null ? "query " + w.query() : w.tag() != null ? "tag " + w.tag() : "entity " + w.entity();
        StringBuilder line = new StringBuilder(w.id()).append(": ").append(what);
        if (w.bucket() != null) {
            line.append(", bucket ").append(human(w.bucket()));
        }
        if (w.baseline() != null) {
            line.append(", baseline ").append(human(w.baseline()));
        }
        if (w.sensitivity() != null) {
            line.append(", sensitivity ").append(w.sensitivity());
        }
        if (w.minArticles() != null) {
            line.append(", min ").append(w.minArticles()).append(" articles");
        }
        if (w.minSources() != null) {
            line.append(" from ").append(w.minSources()).append(" sources");
        }
        if (w.outputTopic() != null) {
            line.append(", also to topic ").append(w.outputTopic());
        }
        if (w.webhookUrl() != null) {
            line.append(", webhook");
        }
        if (Boolean.FALSE.equals(w.enabled())) {
            line.append(" [disabled]");
        }
        if (w.description() != null) {
            line.append("  (").append(w.description()).append(')');
        }
        return line.toString();
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
