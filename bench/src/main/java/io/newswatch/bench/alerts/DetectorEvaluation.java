package io.newswatch.bench.alerts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.app.backtest.BacktestData;
import io.newswatch.app.backtest.BacktestReport;
import io.newswatch.app.backtest.BacktestScore;
import io.newswatch.app.backtest.EventsFile;
import io.newswatch.app.backtest.Goals;
import io.newswatch.app.backtest.SpikeRule;
import io.newswatch.app.backtest.TableReport;
import io.newswatch.core.Alert;
import io.newswatch.core.Settings;
import io.newswatch.core.Watch;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The detector judged on a real multi-outlet stream: runs every watch over ../shared/data/newsapi-2023.jsonl.gz in memory,
 * as the pipeline would see it, and prints the same report `newswatch backtest report` prints for a replay (spike days
 * caught and how soon, OPENED off spike days, per labelled event of samples/backtest/newsapi-2023-events.yaml), in a
 * second instead of a replay's minutes. Arguments: {@code [watches.yaml ...] [alerts.key=value ...] [-v]}.
 */
public final class DetectorEvaluation {

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        if (!Files.exists(DevStream.DATA)) {
            System.err.println(DevStream.DATA + " is absent: nothing to evaluate on");
            return;
        }
        List<Path> watchFiles = new ArrayList<>();
        Map<String, String> overrides = new HashMap<>();
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v")) {
                verbose = true;
            } else if (a.contains("=")) {
                overrides.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                watchFiles.add(Path.of(a));
            }
        }
        if (watchFiles.isEmpty()) {
            watchFiles.add(Path.of("config", "watches.yaml"));
        }
        AlertsSettings settings = AlertsSettings.from(Settings.of(overrides));
        List<Watch> watches = DevDetection.watches(settings, watchFiles);
        long t0 = System.nanoTime();
        List<DevStream.Item> items = DevStream.load(DevStream.DATA, watches);
        System.err.printf("enriched and matched in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        InMemoryDetection detection = settings.inMemoryDetection(watches);
        List<Alert> alerts = DevDetection.detect(detection, items);
        double secs = (System.nanoTime() - t1) / 1e9;
        DevCounts dev = DevCounts.of(items, watches);
        System.err.printf("detection: %,d articles (%,d hits) in %.2f s; %d alert events%n", items.size(), dev.matched(), secs,
                alerts.size());

        // Judged exactly as `newswatch backtest report` judges a replay (app/backtest).
        BacktestData data = new BacktestData("in-memory", dev.firstDay(), dev.days(), items.size(), dev.counts(watches), alerts, List.of());
        Path eventsPath = Path.of("samples", "backtest", "newsapi-2023-events.yaml");
        EventsFile events = EventsFile.load(eventsPath);
        BacktestReport report = BacktestScore.score(data, SpikeRule.DEFAULT, Goals.DEFAULT, events.events(), eventsPath.toString());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        TableReport.print(report, verbose, out);
    }
}
