package io.newswatch.app.command;

import io.newswatch.alerts.AlertText;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.app.runtime.KafkaCluster;
import io.newswatch.app.tail.JsonLinesFormat;
import io.newswatch.app.tail.RecordFormat;
import io.newswatch.app.tail.TailOptions;
import io.newswatch.app.tail.TextFormat;
import io.newswatch.app.tail.TopicTail;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswatch tail TOPIC}: print a topic's records, from the beginning or following. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's records to stdout, as JSON lines (default) or readable text.",
            "TOPIC may be a short name (news.articles.raw, news.articles.enriched, news.alerts, news.watches, news.dlq), "
                    + "which gets the topic prefix, or any full topic name.",
            "Without --follow it stops at the end of the topic as it was when it started. Reads without a consumer group."})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to print.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the earliest record (default: the last --last records of each partition).")
    boolean fromBeginning;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10",
            description = "Without --from-beginning, start this many records before the end of each partition (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until Ctrl-C.")
    boolean follow;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "Stop after N records (0: no limit).")
    long max;

    @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
            description = "json: one JSON object per line (the record value); text: readable lines (alerts as sentences). "
                    + "Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--with-metadata",
            description = "With --format json: wrap each value with topic, partition, offset, timestamp, key and headers.")
    boolean withMetadata;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppSettings app = AppSettings.from(common.load());
        KafkaCluster cluster = KafkaCluster.clientOf(app);
        String resolved = app.kafka().topics().resolve(topic);
        RecordFormat printer = format == OutputFormat.text
                ? new TextFormat(app.kafka().topics(), AlertText::readable)
                : new JsonLinesFormat(withMetadata);
        TopicTail tail = new TopicTail(cluster.clientProperties());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            tail.stop();
            awaitQuietly(done);
        }, "newswatch-tail-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            tail.run(resolved, new TailOptions(fromBeginning, Math.max(0, last), follow, Math.max(0, max)), printer, out);
            return 0;
        } finally {
            out.flush();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is waiting for the countDown above.
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
