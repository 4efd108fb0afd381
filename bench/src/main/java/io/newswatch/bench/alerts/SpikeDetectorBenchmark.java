package io.newswatch.bench.alerts;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.detect.OpenBuckets;
import io.newswatch.alerts.detect.OpenBucketsSerde;
import io.newswatch.alerts.detect.SpikeDetector;
import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.alerts.detect.WatchHistory;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.bench.alerts.legacy.LegacyDetectorParams;
import io.newswatch.bench.alerts.legacy.LegacySpikeDetector;
import io.newswatch.bench.alerts.legacy.LegacyWatchState;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detector throughput in matching articles per second, one matching article per operation, for one watch with the
 * default settings, beside the detector it replaced (issue 9) in the same run. Event time advances {@code gapMs} per
 * article, so a 10-minute bucket holds 600 articles at 1 s (a very busy watch) or 60 at 10 s; 30 sources rotate; the
 * whole stream carries ten articles per matching one (a 10% share), reported to the new detector's volume once per
 * 5-minute slot as the alerts stage does. {@code defaults} runs the detector with today's defaults and with those before
 * 2026-11-29, to show what the change of scales and quiet time costs; the legacy benchmarks ignore it.
 *
 * <ul>
 *   <li>{@code detect}: {@link SpikeDetector#add} on in-memory state: counting, and at every bucket end the four
 *       windows, the baseline and the lifecycle.</li>
 *   <li>{@code detectWithOpenBucketsWrite}: the same plus writing the open buckets in their binary form, which is what
 *       the topology does per matching article (the history is written once per bucket); {@code
 *       detectWithOpenBucketsJsonWrite}: the same with the JSON form the topology wrote before.</li>
 *   <li>{@code legacyDetect}, {@code legacyDetectWithStateWrite}: the previous detector, the same way.</li>
 * </ul>
 *
 * <p>Usage: {@code bin/bench SpikeDetectorBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SpikeDetectorBenchmark {

    @Param({"1000", "10000"})
    public long gapMs;

    /** The detector's defaults of today, or those before 2026-11-29 (scales 10m,1h,6h,1d and a 2-hour quiet time). */
    @Param({"today", "before"})
    public String defaults;

    private static final Serializer<OpenBuckets> OPEN = new OpenBucketsSerde().serializer();
    /** How the topology wrote the open buckets before their binary form (2026-11-29). */
    private static final JsonSerde<OpenBuckets> OPEN_JSON = JsonSerde.withDataKeys(OpenBuckets.class);
    private static final JsonSerde<LegacyWatchState> LEGACY_STATE = JsonSerde.of(LegacyWatchState.class);
    private SpikeDetector detector;
    private WatchHistory history;
    private OpenBuckets open;
    private StreamVolume volume;
    private LegacySpikeDetector legacy;
    private LegacyWatchState legacyState;
    private long i;
    private long t0;
    private long alerts;
    private long reportedSlot;

    @Setup(Level.Iteration)
    public void setUp() {
        AlertsSettings settings = defaults.equals("today") ? AlertsSettings.defaults()
                : AlertsSettings.from(Settings.of(Map.of("alerts.detector.scales", "10m,1h,6h,1d", "alerts.detector.quiet-for", "2h")));
        Watch watch = new WatchValidator(settings.watchDefaults(), Topics.defaults()).validate(
                new WatchInput(0, "bench", "benchmark watch", null, "arms-transfer", null, null, null, null, null, null, null, null,
                        null, null, null));
        t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        detector = new SpikeDetector(watch, settings.detectorParams(watch));
        volume = new StreamVolume(settings.volumeRetention(), settings.watchDefaults().baseline());
        history = detector.newHistory(volume, t0);
        open = new OpenBuckets();
        reportedSlot = StreamVolume.slotOf(t0);
        legacy = new LegacySpikeDetector(watch, new LegacyDetectorParams(watch.bucket(), 432, 6.0, 5, 3, Duration.ofHours(1),
                Duration.ZERO, 0.5, 3, 1.3, 2.0, 5));
        legacyState = legacy.newState();
        i = 0;
    }

    private Hit next() {
        long n = i++;
        long t = t0 + n * gapMs;
        String source = "source-" + (n % 30);
        return new Hit("a" + n, Instant.ofEpochMilli(t), source, source, "story-" + (n / 3), "Headline " + n, "https://example.com/" + n);
    }

    /** The stream's volume as the partitions report it: a slot's count once the slot is over. */
    private void reportVolume(long t) {
        long slot = StreamVolume.slotOf(t);
        while (reportedSlot < slot) {
            volume.add(reportedSlot, Math.max(1, 10 * StreamVolume.SLOT_MS / gapMs));
            reportedSlot++;
        }
        volume.finalizeThrough(t);
        volume.prune(t);
    }

    /** One matching article through the detector, with the stream volume reported before it as the alerts stage does. */
    private long detectNext() {
        Hit h = next();
        reportVolume(h.eventTime().toEpochMilli());
        alerts += detector.add(history, open, volume, h).size();
        return alerts;
    }

    @Benchmark
    public long detect() {
        return detectNext();
    }

    @Benchmark
    public byte[] detectWithOpenBucketsWrite() {
        detectNext();
        return OPEN.serialize("s", open);
    }

    @Benchmark
    public byte[] detectWithOpenBucketsJsonWrite() {
        detectNext();
        return OPEN_JSON.serialize("s", open);
    }

    @Benchmark
    public long legacyDetect() {
        Hit h = next();
        alerts += legacy.add(legacyState, h, h.eventTime().toEpochMilli()).size();
        return alerts;
    }

    @Benchmark
    public byte[] legacyDetectWithStateWrite() {
        Hit h = next();
        alerts += legacy.add(legacyState, h, h.eventTime().toEpochMilli()).size();
        return LEGACY_STATE.serialize("s", legacyState);
    }
}
