package io.newswatch.bench.alerts;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detector judged on a real multi-outlet stream: runs every watch over ../shared/data/newsapi-2023.jsonl.gz in memory
 * and prints, per watch, spike days (issue 9's definition), how many were caught and how soon, and how many OPENED fell
 * on days without a spike. Arguments: {@code [watches.yaml ...] [alerts.key=value ...]}; default config/watches.yaml.
 */
public final class DetectorEvaluation {

    static final Path DATA = Path.of("..", "shared", "data", "newsapi-2023.jsonl.gz");

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        if (!Files.exists(DATA)) {
            System.err.println(DATA + " is absent: nothing to evaluate on");
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
        WatchValidator validator = new WatchValidator(settings.watchDefaults(), Topics.defaults());
        List<Watch> watches = new ArrayList<>();
        for (Path f : watchFiles) {
            WatchFile.load(f).forEach(w -> watches.add(validator.validate(w)));
        }
        long t0 = System.nanoTime();
        List<DevStream.Item> items = DevStream.load(DATA, watches);
        System.err.printf("enriched and matched in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        InMemoryDetection detection = new InMemoryDetection(settings, watches);
        List<Alert> alerts = new ArrayList<>();
        Map<String, TreeMap<Instant, Integer>> daily = new LinkedHashMap<>();
        Map<String, TreeMap<Instant, Integer>> hourly = new LinkedHashMap<>();
        watches.forEach(w -> {
            daily.put(w.id(), new TreeMap<>());
            hourly.put(w.id(), new TreeMap<>());
        });
        long matched = 0;
        for (DevStream.Item item : items) {
            alerts.addAll(detection.article(item.hit(), item.watchIds()));
            for (String id : item.watchIds()) {
                matched++;
                daily.get(id).merge(item.hit().eventTime().truncatedTo(ChronoUnit.DAYS), 1, Integer::sum);
                hourly.get(id).merge(item.hit().eventTime().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
            }
        }
        Instant end = items.getLast().hit().eventTime().plus(Duration.ofDays(2));
        alerts.addAll(detection.finish(end));
        double secs = (System.nanoTime() - t1) / 1e9;
        System.err.printf("detection: %,d articles (%,d hits) in %.2f s; %d alerts%n", items.size(), matched, secs, alerts.size());

        Instant first = items.getFirst().hit().eventTime().truncatedTo(ChronoUnit.DAYS);
        Instant last = items.getLast().hit().eventTime().truncatedTo(ChronoUnit.DAYS);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        List<LabelledEvent> events = LabelledEvent.load(Path.of("samples", "backtest", "newsapi-2023-events.yaml"));
        System.out.printf("%-14s %6s %6s %6s %7s %8s %9s %8s %8s %7s %7s %9s%n", "watch", "hits", "spikes", "caught", "lead<2h", "OPENED",
                "offSpike", "perSpike", "perDay", "events", "recall", "falseOpen");
        for (Watch w : watches) {
            List<Alert> mine = alerts.stream().filter(a -> a.watchId().equals(w.id())).toList();
            SpikeDays spikes = SpikeDays.of(daily.get(w.id()), hourly.get(w.id()), first, last);
            SpikeDays.Score s = spikes.score(mine);
            LabelledEvent.Score es = LabelledEvent.score(events, w.id(), mine);
            System.out.printf("%-14s %6d %6d %6d %7d %8d %8.0f%% %8.2f %8.2f %7d %7d %9d%n", w.id(),
                    daily.get(w.id()).values().stream().mapToInt(Integer::intValue).sum(), spikes.days().size(), s.caught(),
                    s.leadWithin2h(), s.opened(), 100.0 * s.offSpike() / Math.max(1, s.opened()), s.openedPerSpike(),
                    (double) s.opened() / days, es.events(), es.found(), es.falseOpened());
            if (verbose) {
                for (Alert a : mine) {
                    if (a.status() != AlertStatus.UPDATED) {
                        System.out.printf("    %-8s %s window %s..%s n=%d exp=%.1f score=%.1f%s%n", a.status(), a.eventTime(),
                                a.bucketStart(), a.bucketEnd(), a.counted(), a.expected(), a.score(),
                                a.status() == AlertStatus.OPENED && !spikes.days().contains(a.eventTime().truncatedTo(ChronoUnit.DAYS))
                                        ? "  (off spike)" : "");
                    }
                }
                spikes.days().stream().filter(d -> !s.caughtDays().contains(d))
                        .forEach(d -> System.out.printf("    missed spike day %s: %d%n", d, daily.get(w.id()).get(d)));
            }
        }
    }
}
