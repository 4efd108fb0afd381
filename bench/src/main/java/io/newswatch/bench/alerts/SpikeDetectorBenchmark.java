package io.newswatch.bench.alerts;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.detect.SpikeDetector;
import io.newswatch.alerts.detect.WatchState;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Detector throughput in articles per second, one matching article per operation, for one watch with the
 * default settings (10-minute buckets, 3-day baseline). Event time advances {@code gapMs} per article, so
 * a bucket holds 600 articles at 1 s (a very busy watch) or 60 at 10 s; 30 sources rotate.
 *
 * <ul>
 *   <li>{@code detect}: {@link SpikeDetector#add} on an in-memory state: the pure maths.</li>
 *   <li>{@code detectWithStateWrite}: the same plus writing the state as JSON, which is what the topology
 *       does per matching article (it keeps decoded states and puts each change to its JSON state store).</li>
 *   <li>{@code detectWithStateSerde}: reading and writing the state as JSON: the first hit of a watch
 *       after a restart, the worst case.</li>
 *   <li>{@code baselineHitAllocation}: building the {@link Hit} alone, the floor any per-article step pays.</li>
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

    private static final JsonSerde<WatchState> STATE = JsonSerde.of(WatchState.class);
    private SpikeDetector detector;
    private WatchState state;
    private byte[] stateBytes;
    private long i;
    private long t0;
    private long alerts;

    @Setup(Level.Iteration)
    public void setUp() {
        AlertsSettings settings = AlertsSettings.defaults();
        Watch watch = new WatchValidator(settings.watchDefaults(), Topics.defaults()).validate(
                new Watch(0, "bench", "benchmark watch", null, "arms-transfer", null, null, null, null, null, null, null, null, null, null));
        detector = new SpikeDetector(watch, settings.detectorParams(watch));
        state = detector.newState();
        stateBytes = STATE.serialize("s", state);
        t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        i = 0;
    }

    private Hit next() {
        long n = i++;
        long t = t0 + n * gapMs;
        String source = "source-" + (n % 30);
        return new Hit("a" + n, Instant.ofEpochMilli(t), source, source, "story-" + (n / 3), "Headline " + n, "https://example.com/" + n);
    }

    @Benchmark
    public long detect() {
        Hit h = next();
        List<Alert> out = detector.add(state, h, h.eventTime().toEpochMilli());
        alerts += out.size();
        return alerts;
    }

    @Benchmark
    public byte[] detectWithStateWrite() {
        Hit h = next();
        alerts += detector.add(state, h, h.eventTime().toEpochMilli()).size();
        return STATE.serialize("s", state);
    }

    @Benchmark
    public byte[] detectWithStateSerde() {
        Hit h = next();
        WatchState s = STATE.deserialize("s", stateBytes);
        alerts += detector.add(s, h, h.eventTime().toEpochMilli()).size();
        stateBytes = STATE.serialize("s", s);
        return stateBytes;
    }

    @Benchmark
    public Hit baselineHitAllocation() {
        return next();
    }
}
