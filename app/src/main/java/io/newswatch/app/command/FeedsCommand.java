package io.newswatch.app.command;

import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.group.FeedCatalog;
import io.newswatch.ingest.registry.FeedRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch feeds add|list|remove}: edits the feeds on the compacted {@code news.feeds} topic, which the running
 * ingest instances share, so a change takes effect without a restart on whichever instance owns the feed. The feed lists
 * of {@code ingest.feeds} are seeded into the same topic when ingest starts.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = {"Add, list or remove the feeds on the news.feeds topic; running ingest instances pick changes up live.",
            "The feed lists of ingest.feeds are added to the topic whenever ingest starts."},
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class})
public final class FeedsCommand implements Runnable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: add, list or remove");
    }

    /** The settings, the topics, and the feeds topic (created when missing, with the layout's settings). */
    private record Context(Settings settings, AppSettings app, Topics topics) {
        static Context of(CommonOptions common) {
            Settings settings = common.load();
            AppSettings app = AppSettings.from(settings);
            return new Context(settings, app, app.kafka().topics());
        }

        FeedCatalog catalog() {
            KafkaCluster cluster = KafkaCluster.clientOf(app);
            TopicLayout layout = TopicLayout.from(settings, topics);
            cluster.provisionTopics(layout.only(List.of(topics.feeds(), topics.feedState(), topics.feedStatus())));
            return new FeedCatalog(cluster.clientProperties(), topics);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add feeds: http(s) URLs, saved feed files, directories of them, or feed lists (OPML, YAML) whose every feed "
                    + "is added. A feed already on the topic is renamed when --name differs."})
    static final class Add implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(arity = "1..*", paramLabel = "FEED", description = "URL, feed file, directory or feed list (.opml, .yaml).")
        List<String> entries;

        @Option(names = "--name", paramLabel = "NAME", description = "The feed's name (the source name of its articles); one feed only.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context context = Context.of(common);
            List<String> resolved = entries.stream().map(Add::resolve).toList();
            FeedRegistry.Loaded loaded = FeedRegistry.load(resolved);
            if (!loaded.problems().isEmpty()) { // all or nothing, as with watches
                throw new UsageException(String.join("; ", loaded.problems().stream().map(FeedProblem::cause).toList()));
            }
            List<FeedSource> feeds = loaded.sources();
            if (feeds.isEmpty()) {
                throw new UsageException("no feeds in " + String.join(", ", entries));
            }
            if (name != null) {
                if (feeds.size() != 1) {
                    throw new UsageException("--name names one feed, but " + String.join(", ", entries) + " hold " + feeds.size());
                }
                feeds = List.of(new FeedSource(feeds.get(0).location(), name));
            }
            PrintWriter out = spec.commandLine().getOut();
            try (FeedCatalog catalog = context.catalog()) {
                for (FeedSource feed : feeds) {
                    catalog.put(feed, FeedCatalog.Origin.USER);
                    out.println("added feed " + describe(feed) + " to " + context.topics().feeds());
                }
            }
            return 0;
        }

        /** URLs as they are; paths against the directory the user typed them in. */
        private static String resolve(String entry) {
            String e = entry.trim();
            if (e.regionMatches(true, 0, "http://", 0, 7) || e.regionMatches(true, 0, "https://", 0, 8) || e.startsWith("file:")) {
                return e;
            }
            return Workspace.userPath(Path.of(e)).toString();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the feeds on the feeds topic.")
    static final class ListFeeds implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text: one line per feed, its location and name (default); json: one {location, name} per line.")
        OutputFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Context context = Context.of(common);
            Map<String, FeedSource> feeds;
            try (FeedCatalog catalog = context.catalog()) {
                feeds = catalog.list(READ_TIMEOUT);
            }
            format.printAll(spec.commandLine().getOut(), feeds.values(), FeedSource.class, FeedsCommand::describe);
            if (format == OutputFormat.text) {
                String count = feeds.size() + (feeds.size() == 1 ? " feed on " : " feeds on ");
                spec.commandLine().getErr().println(count + context.topics().feeds());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove feeds by location (a tombstone on the feeds topic: the instance polling it stops, its saved state goes).")
    static final class Remove implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(arity = "1..*", paramLabel = "LOCATION", description = "Feed locations as `feeds list` shows them.")
        List<String> locations;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context context = Context.of(common);
            try (FeedCatalog catalog = context.catalog()) {
                Map<String, FeedSource> existing = catalog.list(READ_TIMEOUT);
                List<String> resolved = locations.stream().map(l -> existing.containsKey(l) ? l : Add.resolve(l)).toList();
                List<String> unknown = resolved.stream().filter(l -> !existing.containsKey(l)).toList();
                if (!unknown.isEmpty()) {
                    throw new UsageException("no feed " + String.join(", ", unknown) + " on " + context.topics().feeds()
                            + " (`newswatch feeds list` shows the locations)");
                }
                for (String location : resolved) {
                    catalog.remove(location);
                    spec.commandLine().getOut().println("removed feed " + FeedSource.of(location).displayName());
                }
            }
            return 0;
        }
    }

    /** One readable line: the location (credentials hidden) and the name, if any. */
    static String describe(FeedSource feed) {
        return feed.displayName() + (feed.name() == null ? "" : "  (" + feed.name() + ")");
    }
}
