package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic streams, minute by minute: the whole stream's volume (with a daily rhythm) and the watch's
 * own articles, fed in event-time order through {@link InMemoryDetection} as the alerts stage feeds it.
 */
class SpikeDetectorTest {

    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    static final long MINUTE = 60_000;
    static final long DAY_MINUTES = 24 * 60;

    static WatchInput watch() {
        return watch(null);
    }

    static WatchInput watch(LearnedBaseline learned) {
        return new WatchInput(WatchInput.SCHEMA_VERSION, "w", "A watched subject", "subject", null, null, Duration.ofMinutes(10),
                Duration.ofDays(7), null, null, null, null, null, null, true, learned);
    }

    /** A minute-by-minute stream: {@code volume(minute)} articles of all kinds, {@code hits(minute)} of them the watch's. */
    static final class Stream {
        final InMemoryDetection detection;
        final List<Alert> alerts = new ArrayList<>();
        final Random random = new Random(7);
        long minute;
        int seq;

        Stream() {
            this(Map.of());
        }

        Stream(Map<String, String> settings) {
            this(settings, watch());
        }

        Stream(Map<String, String> settings, WatchInput watch) {
            AlertsSettings s = AlertsSettings.from(Settings.of(settings));
            Watch w = new WatchValidator(s.watchDefaults(), Topics.defaults())
                    .validate(watch);
            detection = s.inMemoryDetection(List.of(w));
        }

        /**
         * Runs {@code minutes} minutes with the given per-minute expected volume and watch rate (Poisson draws); the watch's
         * articles come from {@link #sourcesInUse} sources, the rest from 400.
         */
        void run(long minutes, LongToDoubleFunction volumePerMinute,
                 LongToDoubleFunction hitsPerMinute) {
            for (long end = minute + minutes; minute < end; minute++) {
                long t = T0.toEpochMilli() + minute * MINUTE;
                int hits = poisson(hitsPerMinute.applyAsDouble(minute));
                int others = poisson(Math.max(0, volumePerMinute.applyAsDouble(minute) - hitsPerMinute.applyAsDouble(minute)));
                for (int i = 0; i < others; i++) {
                    feed(t + i, List.of());
                }
                for (int i = 0; i < hits; i++) {
                    feed(t + 30_000 + i, List.of("w"));
                }
            }
        }

        void feed(long t, List<String> watches) {
            int n = seq++;
            String source = "source-" + random.nextInt(watches.isEmpty() ? 400 : sourcesInUse);
            alerts.addAll(detection.article(new Hit("a" + n, Instant.ofEpochMilli(t), source, source, "story-" + n, "Headline " + n,
                    "https://" + source + "/" + n), watches));
        }

        int sourcesInUse = 40;

        List<Alert> finish() {
            alerts.addAll(detection.finish(T0.plus(Duration.ofMinutes(minute + 2 * DAY_MINUTES))));
            return alerts;
        }

        List<String> opened() {
            return alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).map(Alert::summary).toList();
        }

        long count(AlertStatus status) {
            return alerts.stream().filter(a -> a.status() == status).count();
        }

        int poisson(double mean) {
            double l = Math.exp(-mean);
            int k = 0;
            double p = 1;
            do {
                k++;
                p *= random.nextDouble();
            } while (p > l);
            return k - 1;
        }
    }

    /** News volume with a daily rhythm: quiet at night, busy by day (per minute, around {@code mean}). */
    static double diurnal(long minute, double mean) {
        double phase = 2 * Math.PI * (minute % DAY_MINUTES) / DAY_MINUTES;
        return mean * (1 - 0.8 * Math.cos(phase));
    }

    @Test
    @DisplayName("a subject that follows the daily rhythm of news (a steady share of it) never alerts")
    void diurnalCycleWithoutSpike() {
        Stream s = new Stream();
        s.run(21 * DAY_MINUTES, m -> diurnal(m, 2.0), m -> diurnal(m, 2.0) * 0.02);
        s.finish();
        assertThat(s.alerts).isEmpty();
    }

    @Test
    @DisplayName("a sparse subject (0.4 a day) with a day-long surge of 14 articles opens an alert at a long scale")
    void slowSurgeOfSparseSubject() {
        Stream s = new Stream();
        double base = 0.4 / DAY_MINUTES;
        s.run(14 * DAY_MINUTES, m -> 1.0, m -> base);
        long surgeStart = s.minute;
        s.run(DAY_MINUTES, m -> 1.0, m -> 14.0 / DAY_MINUTES);
        s.run(3 * DAY_MINUTES, m -> 1.0, m -> base);
        s.finish();
        List<Alert> opened = s.alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).toList();
        assertThat(opened).hasSize(1);
        Alert a = opened.getFirst();
        assertThat(a.eventTime()).isAfter(T0.plus(Duration.ofMinutes(surgeStart)));
        assertThat(Duration.between(a.bucketStart(), a.bucketEnd())).isGreaterThanOrEqualTo(Duration.ofHours(6));
        assertThat(s.count(AlertStatus.RESOLVED)).isEqualTo(1);
    }

    @Test
    @DisplayName("a busy subject whose daily counts swing by a third: at most a chance alert in 60 days, where Poisson would cry wolf")
    void busyOverdispersedSubject() {
        Random days = new Random(11);
        double[] level = new double[60];
        for (int d = 0; d < level.length; d++) {
            level[d] = 60.0 * Math.exp(0.35 * days.nextGaussian()) / DAY_MINUTES; // about 60 a day, +-35% day to day
        }
        Stream negativeBinomial = new Stream();
        negativeBinomial.run(60 * DAY_MINUTES, m -> 3.0, m -> level[(int) (m / DAY_MINUTES)]);
        negativeBinomial.finish();
        Stream nearlyPoisson = new Stream(Map.of("alerts.detector.dispersion", "0.0001"));
        nearlyPoisson.run(60 * DAY_MINUTES, m -> 3.0, m -> level[(int) (m / DAY_MINUTES)]);
        nearlyPoisson.finish();

        assertThat(negativeBinomial.opened()).hasSizeLessThanOrEqualTo(1);
        assertThat(nearlyPoisson.opened()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("a surge of the whole stream (a backlog arriving at once) does not open a watch whose share is unchanged")
    void volumeWideSurge() {
        Stream s = new Stream();
        s.run(10 * DAY_MINUTES, m -> 2.0, m -> 0.03);
        s.run(120, m -> 20.0, m -> 0.3); // ten times everything for two hours
        s.run(2 * DAY_MINUTES, m -> 2.0, m -> 0.03);
        s.finish();
        assertThat(s.count(AlertStatus.OPENED)).isZero();
    }

    @Test
    @DisplayName("one long story (a day and a half of heavy coverage in waves) gives one OPENED and one RESOLVED")
    void oneLongStoryOneAlert() {
        Stream s = new Stream();
        s.run(10 * DAY_MINUTES, m -> 2.0, m -> 0.005);
        long start = s.minute;
        // Waves: an hour of heavy coverage, then two quieter hours, for 36 hours.
        s.run(36 * 60, m -> 2.0, m -> ((m - start) / 60) % 3 == 0 ? 0.4 : 0.05);
        s.run(3 * DAY_MINUTES, m -> 2.0, m -> 0.005);
        s.finish();
        assertThat(s.count(AlertStatus.OPENED)).isEqualTo(1);
        assertThat(s.count(AlertStatus.RESOLVED)).isEqualTo(1);
        assertThat(s.count(AlertStatus.UPDATED)).isLessThanOrEqualTo(4);
        Alert opened = s.alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).findFirst().orElseThrow();
        assertThat(opened.eventTime()).isBefore(T0.plus(Duration.ofMinutes(start + 60)));
    }

    @Test
    @DisplayName("a breaking story (12 stories from many sources in ten minutes) opens at the close of its first bucket")
    void breakingStoryOpensWithinMinutes() {
        Stream s = new Stream();
        s.run(5 * DAY_MINUTES, m -> 2.0, m -> 0.01);
        long start = s.minute;
        s.run(10, m -> 3.2, m -> 1.2);
        s.run(DAY_MINUTES, m -> 2.0, m -> 0.01);
        s.finish();
        Alert opened = s.alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).findFirst().orElseThrow();
        assertThat(Duration.between(T0.plus(Duration.ofMinutes(start)), opened.eventTime())).isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(opened.distinctSources()).isGreaterThanOrEqualTo(3);
        assertThat(s.count(AlertStatus.OPENED)).isEqualTo(1);
    }

    @Test
    @DisplayName("a brand-new watch with no history still opens on a clear burst (judged against the floor)")
    void newWatchOpensOnBurst() {
        Stream s = new Stream();
        s.run(30, m -> 2.0, m -> 0.0);
        s.run(10, m -> 3.0, m -> 1.5);
        s.run(60, m -> 2.0, m -> 0.0);
        s.finish();
        assertThat(s.count(AlertStatus.OPENED)).isEqualTo(1);
    }

    @Nested
    @DisplayName("a baseline learned from stored history")
    class LearnedFromHistory {

        static final double BASE_PER_DAY = 0.4;

        /** Three weeks of a sparse subject (0.4 a day on a stream of 1,440 a day), as `watch add` would read them. */
        LearnedBaseline learnFromThreeWeeks() {
            Stream history = new Stream();
            history.run(21 * DAY_MINUTES, m -> 1.0, m -> BASE_PER_DAY / DAY_MINUTES);
            history.finish();
            return history.detection.learned("w").orElseThrow();
        }

        /** After the history: a quiet half day, then a day-long surge of 14 stories, then quiet. */
        Stream surgeOnFirstDay(WatchInput watch) {
            Stream s = new Stream(Map.of(), watch);
            s.minute = 22 * DAY_MINUTES;
            s.run(DAY_MINUTES / 2, m -> 1.0, m -> BASE_PER_DAY / DAY_MINUTES);
            s.run(DAY_MINUTES, m -> 1.0, m -> 14.0 / DAY_MINUTES);
            s.run(2 * DAY_MINUTES, m -> 1.0, m -> BASE_PER_DAY / DAY_MINUTES);
            s.finish();
            return s;
        }

        @Test
        @DisplayName("is the subject's share of the stream, resting on the whole history")
        void learnsTheShare() {
            Stream history = new Stream();
            history.run(21 * DAY_MINUTES, m -> diurnal(m, 2.0), m -> diurnal(m, 2.0) * 0.01); // 1% of the stream, 29 a day
            history.finish();
            LearnedBaseline learned = history.detection.learned("w").orElseThrow();
            // About 200 stories of decayed evidence (a week's memory): the share within a sixth of the truth.
            assertThat(learned.share()).isCloseTo(0.01, withPercentage(17));
            assertThat(learned.stories()).isGreaterThan(100);
            assertThat(learned.since()).isEqualTo(T0);
            assertThat(learned.asOf()).isAfter(T0.plus(Duration.ofDays(19)));
        }

        @Test
        @DisplayName("lets a new watch judge a day-long surge on its first day, which a cold watch (still warming up) cannot")
        void newWatchStartsWarm() {
            LearnedBaseline learned = learnFromThreeWeeks();
            Stream cold = surgeOnFirstDay(watch());
            Stream warm = surgeOnFirstDay(watch(learned));

            assertThat(cold.opened()).isEmpty();
            List<Alert> opened = warm.alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).toList();
            assertThat(opened).hasSize(1);
            assertThat(Duration.between(opened.getFirst().bucketStart(), opened.getFirst().bucketEnd()))
                    .isGreaterThanOrEqualTo(Duration.ofHours(6));
        }

        @Test
        @DisplayName("is ignored by a replay whose stream starts before it was learned: a backtest never sees its own future")
        void replayIgnoresABaselineFromItsFuture() {
            LearnedBaseline fromTheFuture = new LearnedBaseline(Duration.ofDays(7), 1000.0, 1_000_000.0, T0,
                    T0.plus(Duration.ofDays(30)));
            Stream cold = surgeOnFirstDay(watch());
            Stream replay = surgeOnFirstDay(watch(fromTheFuture));
            assertThat(replay.alerts).isEqualTo(cold.alerts);
        }
    }

    @Test
    @DisplayName("one source flooding a watch cannot open it: each source counts a few stories per bucket, and sources are gated")
    void oneSourceFloodDoesNotAlert() {
        Stream s = new Stream();
        s.sourcesInUse = 1;
        s.run(5 * DAY_MINUTES, m -> 2.0, m -> 0.005);
        s.run(10, m -> 8.0, m -> 6.0);
        s.run(DAY_MINUTES, m -> 2.0, m -> 0.005);
        s.finish();
        assertThat(s.count(AlertStatus.OPENED)).isZero();
    }

    @Nested
    @DisplayName("event time")
    class EventTime {

        @Test
        @DisplayName("closing buckets at every slot or only when the watch's next article comes gives the same alerts")
        void closesAtAnyTimeGiveTheSameResult() {
            AlertsSettings settings = AlertsSettings.defaults();
            Watch w = new WatchValidator(settings.watchDefaults(), Topics.defaults())
                    .validate(watch());
            SpikeDetector detector = new SpikeDetector(w, settings.detectorParams(w));
            List<Alert> eager = run(detector, settings, true);
            List<Alert> lazy = run(detector, settings, false);
            assertThat(eager).isNotEmpty();
            assertThat(lazy).isEqualTo(eager);
        }

        private List<Alert> run(SpikeDetector detector, AlertsSettings settings, boolean closeEverySlot) {
            StreamVolume volume = new StreamVolume(settings.volumeRetention(), settings.watchDefaults().baseline());
            long t0 = T0.toEpochMilli();
            WatchHistory h = detector.newHistory(volume, t0);
            OpenBuckets open = new OpenBuckets();
            List<Alert> out = new ArrayList<>();
            Random r = new Random(3);
            for (long m = 0; m < 6 * DAY_MINUTES; m++) {
                long t = t0 + m * MINUTE;
                volume.finalizeThrough(t);
                volume.add(StreamVolume.slotOf(t), 2);
                if (closeEverySlot && m % 5 == 0) {
                    out.addAll(detector.advance(h, open, volume, t));
                }
                boolean burst = m >= 4 * DAY_MINUTES && m < 4 * DAY_MINUTES + 20;
                if (r.nextDouble() < (burst ? 0.9 : 0.004)) {
                    String src = "s" + r.nextInt(20);
                    out.addAll(detector.add(h, open, volume, new Hit("a" + m, Instant.ofEpochMilli(t), src, src, "st" + m, "t", "l")));
                }
            }
            long end = t0 + 8 * DAY_MINUTES * MINUTE;
            volume.finalizeThrough(end);
            out.addAll(detector.advance(h, open, volume, end));
            return out;
        }
    }
}
