package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    static final Duration BUCKET = Duration.ofMinutes(10);
    static final long B = BUCKET.toMillis();
    static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    static Watch watch() {
        return new Watch(Watch.SCHEMA_VERSION, "tomahawk", "Tomahawk missiles", "tomahawk*", null, null, BUCKET,
                Duration.ofHours(4), 6.0, 5, 3, Duration.ofHours(1), null, null, true);
    }

    static DetectorParams params(Duration grace) {
        return new DetectorParams(BUCKET, 24, 6.0, 5, 3, Duration.ofHours(1), grace, 0.5, 3, 1.3, 2.0, 5);
    }

    /** A series driver: articles per bucket, spread evenly inside it, stream time = newest event time. */
    static final class Series {
        final SpikeDetector detector;
        final WatchState state;
        final List<Alert> alerts = new ArrayList<>();
        long streamTime = T0;
        int seq;

        Series(Duration grace) {
            detector = new SpikeDetector(watch(), params(grace));
            state = detector.newState();
        }

        /** {@code count} articles in bucket {@code bucket}, source i % sources. */
        List<Alert> bucket(long bucket, int count, int sources) {
            List<Alert> fired = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long t = T0 + bucket * B + (i * (B - 1)) / Math.max(1, count);
                fired.addAll(article(t, "source-" + (i % sources)));
            }
            return fired;
        }

        List<Alert> article(long eventTimeMs, String source) {
            streamTime = Math.max(streamTime, eventTimeMs);
            String id = "a" + (seq++);
            List<Alert> fired = detector.add(state, new Hit(id, Instant.ofEpochMilli(eventTimeMs), source, source, "story-" + id,
                    "Headline " + id, "https://" + source + "/" + id), streamTime);
            alerts.addAll(fired);
            return fired;
        }

        List<Alert> advanceTo(long eventTimeMs) {
            streamTime = Math.max(streamTime, eventTimeMs);
            List<Alert> fired = detector.advance(state, streamTime);
            alerts.addAll(fired);
            return fired;
        }
    }

    @Test
    @DisplayName("flat coverage (Poisson noise around 3 per bucket, many sources) never alerts")
    void flatSeriesNoAlert() {
        Series s = new Series(Duration.ZERO);
        Random random = new Random(42);
        for (int b = 0; b < 300; b++) {
            s.bucket(b, poisson(random, 3.0), 8);
        }
        s.advanceTo(T0 + 301 * B);
        assertThat(s.alerts).isEmpty();
    }

    @Test
    @DisplayName("a sudden step from 2 to 20 per bucket opens an alert inside the first step bucket")
    void suddenStepAlertsWithinOneBucket() {
        Series s = new Series(Duration.ZERO);
        for (int b = 0; b < 40; b++) {
            s.bucket(b, 2, 2);
        }
        List<Alert> fired = s.bucket(40, 20, 6);
        assertThat(fired).extracting(Alert::status).startsWith(AlertStatus.OPENED).doesNotContain(AlertStatus.RESOLVED);
        Alert opened = fired.getFirst();
        assertThat(opened.bucketStart()).isEqualTo(Instant.ofEpochMilli(T0 + 40 * B));
        assertThat(opened.observed()).isLessThan(20); // fired before the bucket was complete
        assertThat(opened.score()).isGreaterThanOrEqualTo(6.0);
        assertThat(opened.distinctSources()).isGreaterThanOrEqualTo(3);
        assertThat(opened.topArticles()).isNotEmpty();
        assertThat(opened.summary()).contains("Tomahawk missiles");
    }

    @Test
    @DisplayName("sparse series (mostly zero, the odd single article) then ten articles from four sources alerts")
    void sparseThenBurst() {
        Series s = new Series(Duration.ZERO);
        for (int b = 0; b < 200; b++) {
            if (b % 37 == 0) {
                s.bucket(b, 1, 1);
            }
        }
        s.bucket(200, 10, 4);
        assertThat(s.alerts).extracting(Alert::status).containsExactly(AlertStatus.OPENED);
        assertThat(s.alerts.getFirst().expected()).isLessThan(1.0);
    }

    @Test
    @DisplayName("a first mention after total silence is judged against the floor: one or two articles do not alert")
    void floorKeepsSingleMentionsQuiet() {
        Series s = new Series(Duration.ZERO);
        s.bucket(0, 2, 2);
        s.advanceTo(T0 + 10 * B);
        assertThat(s.alerts).isEmpty();
        assertThat(s.detector.expected(s.state, 5)).isEqualTo(0.5);
    }

    @Test
    @DisplayName("one source flooding a watch (60 articles) with one other source does not alert")
    void oneSourceFloodNoAlert() {
        Series s = new Series(Duration.ZERO);
        for (int b = 0; b < 20; b++) {
            s.bucket(b, 1, 1);
        }
        for (int i = 0; i < 60; i++) {
            s.article(T0 + 20 * B + i * 1000L, "spammy.example");
        }
        s.article(T0 + 20 * B + 90_000, "other.example");
        s.advanceTo(T0 + 30 * B);
        assertThat(s.alerts).isEmpty();
    }

    @Test
    @DisplayName("a slow steady climb from 1 to 12 articles per bucket over 300 buckets is not a spike")
    void slowClimbNoAlert() {
        Series s = new Series(Duration.ZERO);
        for (int b = 0; b < 300; b++) {
            s.bucket(b, 1 + (int) Math.round(b * 11 / 300.0), 10);
        }
        assertThat(s.alerts).isEmpty();
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("spike: OPENED once, no re-alert in cooldown, RESOLVED when back near baseline, OPENED again after cooldown")
        void openResolveCooldown() {
            Series s = new Series(Duration.ZERO);
            for (int b = 0; b < 30; b++) {
                s.bucket(b, 1, 1);
            }
            s.bucket(30, 15, 5);
            s.bucket(31, 1, 1); // back to normal: bucket 31 closes below the resolve score
            s.advanceTo(T0 + 32 * B);
            assertThat(lifecycle(s.alerts)).containsExactly(AlertStatus.OPENED, AlertStatus.RESOLVED);
            Alert resolved = s.alerts.getLast();
            assertThat(resolved.alertId()).isEqualTo(s.alerts.getFirst().alertId());
            assertThat(resolved.bucketStart()).isEqualTo(Instant.ofEpochMilli(T0 + 31 * B));

            // Cooldown is 1 h after the end of bucket 31 (= start of bucket 38): a spike in bucket 34 stays quiet.
            s.alerts.clear();
            s.bucket(34, 15, 5);
            s.bucket(35, 1, 1);
            s.advanceTo(T0 + 38 * B);
            assertThat(s.alerts).isEmpty();

            s.bucket(40, 25, 5);
            assertThat(lifecycle(s.alerts)).containsExactly(AlertStatus.OPENED);
            assertThat(s.alerts.getFirst().alertId()).isNotEqualTo(resolved.alertId());
        }

        @Test
        @DisplayName("an open alert is UPDATED when it escalates, and stays open (hysteresis) while coverage is still elevated")
        void updatedOnEscalationAndHysteresis() {
            Series s = new Series(Duration.ZERO);
            for (int b = 0; b < 30; b++) {
                s.bucket(b, 1, 1);
            }
            s.bucket(30, 8, 4);
            s.bucket(31, 30, 10);
            s.bucket(32, 5, 5); // still well above a baseline near 1: no RESOLVED
            s.advanceTo(T0 + 33 * B);
            assertThat(s.alerts).extracting(Alert::status).contains(AlertStatus.OPENED, AlertStatus.UPDATED)
                    .doesNotContain(AlertStatus.RESOLVED);
            // Tiers 6, 12, 24, 48...: a few escalations, not one per article.
            assertThat(s.alerts.stream().filter(a -> a.status() == AlertStatus.UPDATED).count()).isBetween(1L, 3L);
            assertThat(s.alerts).extracting(Alert::score).isSorted();
            s.bucket(33, 1, 1);
            s.advanceTo(T0 + 34 * B);
            assertThat(s.alerts.getLast().status()).isEqualTo(AlertStatus.RESOLVED);
        }

        @Test
        @DisplayName("a watch that goes silent after a spike resolves at the close of the next (empty) bucket")
        void silenceResolves() {
            Series s = new Series(Duration.ZERO);
            s.bucket(0, 12, 4);
            s.advanceTo(T0 + 50 * B);
            assertThat(lifecycle(s.alerts)).containsExactly(AlertStatus.OPENED, AlertStatus.RESOLVED);
            assertThat(s.alerts.getLast().observed()).isZero();
            assertThat(s.alerts.getLast().bucketStart()).isEqualTo(Instant.ofEpochMilli(T0 + B));
        }
    }

    @Nested
    @DisplayName("event time")
    class EventTime {

        @Test
        @DisplayName("late articles within the grace period are counted in their bucket; beyond it they are not")
        void graceCountsLateArticles() {
            Series s = new Series(Duration.ofMinutes(5));
            s.bucket(0, 1, 1);
            s.advanceTo(T0 + B + Duration.ofMinutes(4).toMillis()); // bucket 0 still open (grace)
            for (int i = 0; i < 8; i++) {
                s.article(T0 + 60_000L * i, "late-" + i);
            }
            assertThat(lifecycle(s.alerts)).containsExactly(AlertStatus.OPENED);
            assertThat(s.alerts.getFirst().bucketStart()).isEqualTo(Instant.ofEpochMilli(T0));

            s.advanceTo(T0 + 3 * B);
            s.article(T0 + 1000, "too-late");
            assertThat(s.state.lateArticles()).isEqualTo(1);
        }

        @Test
        @DisplayName("the same articles in any arrival order within the grace period give the same decisions and final counts")
        void orderIndependentWithinGrace() {
            List<long[]> articles = new ArrayList<>(); // {eventTime, source}
            for (int b = 0; b < 20; b++) {
                articles.add(new long[] {T0 + b * B + 1000, b % 2});
            }
            for (int i = 0; i < 12; i++) { // burst in bucket 20, late-ish arrivals spread over 21
                articles.add(new long[] {T0 + 20 * B + i * 30_000L, i % 5});
            }
            for (int i = 0; i < 3; i++) {
                articles.add(new long[] {T0 + 21 * B + i * 60_000L, i});
            }
            List<String> reference = null;
            Random random = new Random(7);
            for (int run = 0; run < 20; run++) {
                List<long[]> order = new ArrayList<>(articles);
                if (run > 0) {
                    shuffleWithinGrace(order, random, Duration.ofMinutes(15).toMillis());
                }
                Series s = new Series(Duration.ofMinutes(15));
                for (long[] a : order) {
                    s.article(a[0], "src-" + a[1]);
                }
                s.advanceTo(T0 + 40 * B);
                List<String> decisions = s.alerts.stream().filter(a -> a.status() != AlertStatus.UPDATED)
                        .map(a -> a.status() + " " + a.alertId() + " " + a.bucketStart()
                                + (a.status() == AlertStatus.RESOLVED ? " counted=" + a.counted() + " expected=" + a.expected() : ""))
                        .toList();
                if (reference == null) {
                    reference = decisions;
                    assertThat(reference).hasSize(2);
                } else {
                    assertThat(decisions).as("run %d", run).isEqualTo(reference);
                }
            }
        }

        /** Shuffles so that no article arrives after stream time passed its own time + grace. */
        private void shuffleWithinGrace(List<long[]> order, Random random, long graceMs) {
            order.sort((x, y) -> Long.compare(x[0], y[0]));
            // Swap neighbours whose event times are less than the grace apart: each stays within grace.
            for (int pass = 0; pass < 200; pass++) {
                int i = random.nextInt(order.size() - 1);
                long max = 0;
                for (int k = 0; k < i; k++) {
                    max = Math.max(max, order.get(k)[0]);
                }
                long[] a = order.get(i);
                long[] b = order.get(i + 1);
                if (Math.max(max, b[0]) - a[0] < graceMs / 2) {
                    Collections.swap(order, i, i + 1);
                }
            }
        }
    }

    /** OPENED and RESOLVED in order; UPDATED (escalations) left out. */
    static List<AlertStatus> lifecycle(List<Alert> alerts) {
        return alerts.stream().map(Alert::status).filter(st -> st != AlertStatus.UPDATED).toList();
    }

    static int poisson(Random random, double mean) {
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
