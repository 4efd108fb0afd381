package io.newswatch.bench.ingest.polling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.OperatingSystemMXBean;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Settings;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.fetch.HttpFeedFetcher;
import io.newswatch.ingest.schedule.FeedState;
import io.newswatch.ingest.schedule.FirstPoll;
import io.newswatch.ingest.schedule.SavedFeedState;
import io.newswatch.ingest.service.FeedPolling;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.LoggerFactory;

/**
 * Ingest polling at scale against a local farm of generated feeds ({@link FeedFarm}, in a child process on 200 loopback
 * hosts): ingest's own polling machinery ({@link FeedPolling}: the shared HTTP fetcher, the bounded parser, the poller,
 * the scheduler, the first-poll spread) polls N feeds with {@code min-interval = max-interval}, publishing to a counting
 * sink (no Kafka: the figures are ingest's, not a broker's). Then a clean stop, each feed's state saved and read back
 * through the feed-state JSON, and a restart from those states, as {@code FeedGroup} does on assignment.
 *
 * <p>Reports per interval ("cycle"): fetches/s achieved vs needed, the share of 304s, connections opened, process CPU
 * per fetch, heap after a full GC, failed polls; and over the run: the gap between two requests for one feed (the
 * farm's view), item-to-publish latency, peak heap, log lines, items sent twice.
 *
 * <p>{@code PollingScaleBenchmark [feeds=10000] [cycles=3] [hosts=200] [interval=2m] [item-every=10m] [port=18080]
 * [restart-cycles=1] [baseline=5000]}
 */
public final class PollingScaleBenchmark {

    private static final JsonSerde<SavedFeedState> STATE = JsonSerde.of(SavedFeedState.class);
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, String> args;
    private final int feeds;
    private final int hosts;
    private final int port;
    private final Duration interval;
    private final HttpClient statsClient = HttpClient.newHttpClient();
    private final LogCounter logs = new LogCounter();
    private final AtomicLongArray nextDue;
    private long heapPeak;

    private PollingScaleBenchmark(Map<String, String> args) {
        this.args = args;
        this.feeds = Integer.parseInt(args.getOrDefault("feeds", "10000"));
        this.hosts = Integer.parseInt(args.getOrDefault("hosts", "200"));
        this.port = Integer.parseInt(args.getOrDefault("port", "18080"));
        this.interval = Settings.parseDuration(args.getOrDefault("interval", "2m"));
        this.nextDue = new AtomicLongArray(feeds);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new PollingScaleBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        logs.install();
        HttpFeedFetcher.keepConnectionsBetweenPolls(); // as newswatch's Main does, before the baseline's client exists
        int cycles = Integer.parseInt(args.getOrDefault("cycles", "3"));
        int restartCycles = Integer.parseInt(args.getOrDefault("restart-cycles", "1"));
        int baselineFeeds = Integer.parseInt(args.getOrDefault("baseline", "5000"));
        long itemEvery = Settings.parseDuration(args.getOrDefault("item-every", "10m")).toMillis();
        long start = System.currentTimeMillis();
        Process farm = startFarm(feeds + baselineFeeds, itemEvery, start);
        Thread heapSampler = Thread.ofPlatform().daemon().start(this::sampleHeap);
        try {
            System.out.printf("polling scale: %d feeds on %d hosts, interval %s, a new item per feed every %d s; JDK %s, %d cores,"
                    + " load %s%n",
                    feeds, hosts, interval, itemEvery / 1000, Runtime.version(), Runtime.getRuntime().availableProcessors(), load());
            if (baselineFeeds > 0) {
                plainFetchLoop(baselineFeeds);
            }
            IngestSettings settings = IngestSettings.from(Settings.empty().with("ingest.min-interval", interval.toString())
                    .with("ingest.max-interval", interval.toString()));
            CountingSink sink = new CountingSink(feeds, start);
            farmStats("reset");
            Clock clock = Clock.systemUTC();

            System.out.println("== run: first start, no saved state");
            FeedPolling polling = new FeedPolling(settings, sink, clock, this::polled);
            List<FeedState> states = new ArrayList<>(feeds);
            for (int i = 0; i < feeds; i++) {
                states.add(new FeedState(FeedSource.of(FeedFarm.url(i, hosts, port)), settings.seenPerFeed(), polling.policy().initial()));
            }
            Duration spread = FirstPoll.spread(feeds, feeds, settings.minInterval());
            for (FeedState s : states) {
                polling.scheduler().start(s, FirstPoll.delay(null, spread, clock.instant()));
            }
            observe(states, sink, cycles, "run");

            System.out.println("== restart: clean stop, states saved as JSON, a new process's polling restored from them");
            long stopAt = System.nanoTime();
            List<FeedState> stopped = polling.scheduler().stop(polling.scheduler().locations(), Duration.ofSeconds(10));
            polling.close();
            Instant now = clock.instant();
            List<byte[]> saved = new ArrayList<>(feeds);
            for (FeedState s : stopped) {
                int i = feedOf(s.source().location());
                saved.add(STATE.serialize("news.feed-state", s.save(Instant.ofEpochMilli(nextDue.get(i)), now)));
            }
            stopped = null;
            states = null;
            long savedBytes = saved.stream().mapToLong(b -> b.length).sum();
            FeedPolling restarted = new FeedPolling(settings, sink, clock, this::polled);
            List<FeedState> restored = new ArrayList<>(feeds);
            // As FeedGroup.take does: the feeds whose due time passed while stopped are spread over their share of the interval.
            List<SavedFeedState> states2 = saved.stream().map(b -> STATE.deserialize("news.feed-state", b)).toList();
            Instant restartAt = clock.instant();
            long notDue = states2.stream().filter(s -> s.nextPollAt() != null && s.nextPollAt().isAfter(restartAt)).count();
            Duration restoreSpread = FirstPoll.spread(states2.size() - (int) notDue, states2.size(), settings.minInterval());
            for (SavedFeedState s : states2) {
                FeedState state = FeedState.restore(FeedSource.of(s.location()), settings.seenPerFeed(), restarted.policy().initial(), s);
                restored.add(state);
                restarted.scheduler().start(state, FirstPoll.delay(s.nextPollAt(), restoreSpread, clock.instant()));
            }
            saved = null;
            System.out.printf("restart took %d ms; %d states, %.1f MB of JSON; %d overdue, spread over %d ms%n",
                    (System.nanoTime() - stopAt) / 1_000_000, restored.size(), savedBytes / 1e6, states2.size() - notDue,
                    restoreSpread.toMillis());
            states2 = null;
            long duplicatesBefore = sink.duplicates();
            observe(restored, sink, restartCycles, "restart");
            System.out.printf("items sent again after the restart: %d (in the run before it: %d)%n", sink.duplicates() - duplicatesBefore,
                    duplicatesBefore);
            restarted.close();
        } finally {
            farm.destroy();
            heapSampler.interrupt();
        }
    }

    /** After each poll: when the next one is due, as {@code FeedGroup} saves it. */
    private void polled(FeedState feed, Duration next) {
        nextDue.set(feedOf(feed.source().location()), System.currentTimeMillis() + next.toMillis());
    }

    private static int feedOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Watches {@code cycles} intervals, one report line each, then the gaps, latencies and logs of the whole phase. */
    private void observe(List<FeedState> states, CountingSink sink, int cycles, String phase) throws Exception {
        double needed = feeds / (double) interval.toSeconds();
        long[] farmBefore = farmStats("");
        long cpuBefore = OS.getProcessCpuTime();
        long articlesBefore = sink.articles();
        long logBefore = logs.total();
        long phaseStart = System.nanoTime();
        Instant phaseStartedAt = Instant.now();
        System.out.printf("%-8s %5s %9s %9s %6s %8s %11s %10s %10s %9s %9s %6s%n", "cycle", "t(s)", "fetches/s", "needed/s", "304%",
                "conns", "CPU us/fetch", "heapGC MB", "peak MB", "articles", "failed", "load");
        for (int c = 1; c <= cycles; c++) {
            long cycleStart = System.nanoTime();
            long[] f0 = farmStats("");
            long cpu0 = OS.getProcessCpuTime();
            long a0 = sink.articles();
            long e0 = errors(states);
            Thread.sleep(interval.toMillis());
            long[] f1 = farmStats("");
            long cpu1 = OS.getProcessCpuTime();
            double secs = (System.nanoTime() - cycleStart) / 1e9;
            long fetches = f1[0] - f0[0];
            long heap = heapAfterGc();
            System.out.printf("%-8s %5.0f %9.1f %9.1f %5.1f%% %8d %11.0f %10d %10d %9d %9d %6s%n", phase + " " + c,
                    (System.nanoTime() - phaseStart) / 1e9, fetches / secs, needed, 100.0 * (f1[1] - f0[1]) / Math.max(1, fetches),
                    f1[2] - f0[2], (cpu1 - cpu0) / 1000.0 / Math.max(1, fetches), heap >> 20, heapPeak >> 20, sink.articles() - a0,
                    errors(states) - e0, load());
        }
        long[] farmAfter = farmStats("reset");
        long fetches = farmAfter[0] - farmBefore[0];
        long polls = states.stream().mapToLong(s -> s.stats().fetches()).sum();
        long[] latency = sink.takeLatency();
        double minutes = (System.nanoTime() - phaseStart) / 60e9;
        System.out.printf("%s: %d fetches (the feeds' own counter: %d), %d connections opened (%.2f per 100 fetches), CPU %.0f us per"
                + " fetch, %d articles%n", phase, fetches, polls, farmAfter[2] - farmBefore[2], 100.0 * (farmAfter[2] - farmBefore[2])
                / Math.max(1, fetches), (OS.getProcessCpuTime() - cpuBefore) / 1000.0 / Math.max(1, fetches),
                sink.articles() - articlesBefore);
        System.out.printf("%s: gap between two requests for one feed (farm): n=%d p50 %.1f s, p95 %.1f s, p99 %.1f s, max %.1f s"
                + " (interval %d s; p95 goal <= %.0f s)%n", phase, farmAfter[3], farmAfter[4] / 1e3, farmAfter[5] / 1e3, farmAfter[6] / 1e3,
                farmAfter[7] / 1e3, interval.toSeconds(), interval.toSeconds() * 1.05);
        System.out.printf("%s: item -> publish latency (items published during the run): n=%d p50 %d s, p95 %d s, max %d s%n", phase,
                latency[0], latency[1] / 1000, latency[2] / 1000, latency[3] / 1000);
        System.out.printf("%s: log lines %d (%.0f a minute); by level %s%n", phase, logs.total() - logBefore,
                (logs.total() - logBefore) / minutes, logs.byLevelAndReset());
        Map<String, Integer> causes = new LinkedHashMap<>();
        for (FeedState s : states) {
            if (s.stats().lastError() != null && s.stats().lastErrorAt().isAfter(phaseStartedAt)) {
                causes.merge(s.stats().lastError().replaceAll("[0-9]+", "N"), 1, Integer::sum);
            }
        }
        causes.forEach((cause, n) -> System.out.printf("%s: failed poll(s), last error of %d feeds: %s%n", phase, n, cause));
    }

    private static long errors(List<FeedState> states) {
        return states.stream().mapToLong(s -> s.stats().errors()).sum();
    }

    /** Baseline: the plain JDK client, 32 threads, each of {@code n} extra farm feeds fetched once (200), then with its ETag (304). */
    private void plainFetchLoop(int n) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] etags = new String[n];
        for (int round = 0; round < 2; round++) {
            long[] f0 = farmStats("");
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            AtomicLong bytes = new AtomicLong();
            int r = round;
            try (ExecutorService pool = Executors.newFixedThreadPool(32, Thread.ofVirtual().factory())) {
                for (int i = 0; i < n; i++) {
                    int feed = feeds + i;
                    pool.submit(() -> {
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(FeedFarm.url(feed, hosts, port))).GET();
                        if (r == 1 && etags[feed - feeds] != null) {
                            b.header("If-None-Match", etags[feed - feeds]);
                        }
                        HttpResponse<byte[]> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        etags[feed - feeds] = resp.headers().firstValue("ETag").orElse(null);
                        bytes.addAndGet(resp.body().length);
                        return null;
                    });
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long[] f1 = farmStats("");
            System.out.printf("baseline, plain fetch loop (%s): %d fetches in %.1f s = %.0f/s, %.0f us CPU per fetch, %d connections, %d"
                    + " bytes each%n", round == 0 ? "200s" : "304s", f1[0] - f0[0], secs, n / secs,
                    (OS.getProcessCpuTime() - cpu0) / 1000.0 / n,
                    f1[2] - f0[2], bytes.get() / n);
        }
        client.close();
    }

    private Process startFarm(int farmFeeds, long itemEvery, long start) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FeedFarm.class.getName(), String.valueOf(farmFeeds), String.valueOf(hosts), String.valueOf(port), String.valueOf(itemEvery),
                String.valueOf(start)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready")) {
            throw new IllegalStateException("feed farm did not start: " + line);
        }
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> System.out.println("farm: " + l)));
        return p;
    }

    private long[] farmStats(String query) throws Exception {
        String uri = "http://" + FeedFarm.host(0, hosts) + ":" + port + "/_stats" + (query.isEmpty() ? "" : "?" + query);
        String body = statsClient.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] parts = body.trim().split(" ");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sampleHeap() {
        while (!Thread.currentThread().isInterrupted()) {
            heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Counts what ingest logs instead of printing it (at scale the count is the finding); keeps the first few warnings. */
    private static final class LogCounter extends AppenderBase<ILoggingEvent> {
        private final AtomicLong total = new AtomicLong();
        private final Map<String, AtomicLong> byLevel = new ConcurrentHashMap<>();

        void install() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.setLevel(Level.INFO);
            setContext(context);
            start();
            root.addAppender(this);
        }

        @Override
        protected void append(ILoggingEvent e) {
            total.incrementAndGet();
            byLevel.computeIfAbsent(e.getLevel().toString(), k -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return total.get();
        }

        String byLevelAndReset() {
            Map<String, Long> out = new LinkedHashMap<>();
            byLevel.forEach((k, v) -> out.put(k, v.getAndSet(0)));
            return out.toString();
        }
    }
}
