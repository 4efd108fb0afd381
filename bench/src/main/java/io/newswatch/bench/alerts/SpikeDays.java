package io.newswatch.bench.alerts;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Issue 9's spike days for one watch: a UTC day with at least 3 x the median of the trailing 14 days' matching
 * articles and at least 10 of them; the surge starts at the first hour of the day with at least 3 x the trailing
 * 14 days' mean hourly count (and 2).
 */
record SpikeDays(TreeSet<Instant> days, Map<Instant, Instant> surgeStart) {

    static SpikeDays of(TreeMap<Instant, Integer> daily, TreeMap<Instant, Integer> hourly, Instant first, Instant last) {
        TreeSet<Instant> days = new TreeSet<>();
        Map<Instant, Instant> starts = new java.util.HashMap<>();
        for (Instant d = first.plus(Duration.ofDays(14)); !d.isAfter(last); d = d.plus(Duration.ofDays(1))) {
            int[] trailing = new int[14];
            for (int i = 1; i <= 14; i++) {
                trailing[i - 1] = daily.getOrDefault(d.minus(Duration.ofDays(i)), 0);
            }
            Arrays.sort(trailing);
            double median = (trailing[6] + trailing[7]) / 2.0;
            int n = daily.getOrDefault(d, 0);
            if (n >= 10 && n >= 3 * median) {
                days.add(d);
                double hourlyMean = Arrays.stream(trailing).sum() / (14.0 * 24);
                Instant start = d;
                for (int h = 0; h < 24; h++) {
                    Instant hour = d.plus(Duration.ofHours(h));
                    if (hourly.getOrDefault(hour, 0) >= Math.max(2, 3 * hourlyMean)) {
                        start = hour;
                        break;
                    }
                }
                starts.put(d, start);
            }
        }
        return new SpikeDays(days, starts);
    }

    record Score(int caught, int leadWithin2h, int opened, int offSpike, double openedPerSpike, Set<Instant> caughtDays) {
    }

    Score score(List<Alert> alerts) {
        List<Instant[]> open = new ArrayList<>();
        Map<String, Instant> openedAt = new java.util.HashMap<>();
        int opened = 0;
        int offSpike = 0;
        List<Instant> openedTimes = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.status() == AlertStatus.OPENED) {
                opened++;
                openedAt.put(a.alertId(), a.eventTime());
                openedTimes.add(a.eventTime());
                if (!days.contains(a.eventTime().truncatedTo(ChronoUnit.DAYS))) {
                    offSpike++;
                }
            } else if (a.status() == AlertStatus.RESOLVED && openedAt.containsKey(a.alertId())) {
                open.add(new Instant[] {openedAt.remove(a.alertId()), a.eventTime()});
            }
        }
        openedAt.values().forEach(t -> open.add(new Instant[] {t, Instant.MAX}));
        Set<Instant> caught = new HashSet<>();
        int lead = 0;
        for (Instant d : days) {
            Instant dayEnd = d.plus(Duration.ofDays(1));
            boolean hit = open.stream().anyMatch(iv -> iv[0].isBefore(dayEnd) && iv[1].isAfter(d));
            if (hit) {
                caught.add(d);
                Instant start = surgeStart.get(d);
                boolean early = open.stream().anyMatch(iv -> iv[0].isBefore(dayEnd) && iv[1].isAfter(d)
                        && !iv[0].isAfter(start.plus(Duration.ofHours(2))));
                if (early) {
                    lead++;
                }
            }
        }
        // Runs of consecutive spike days: OPENED inside each run's days.
        int runs = 0;
        int openedInRuns = 0;
        Instant prev = null;
        for (Instant d : days) {
            if (prev == null || !prev.plus(Duration.ofDays(1)).equals(d)) {
                runs++;
            }
            prev = d;
            Instant dayEnd = d.plus(Duration.ofDays(1));
            openedInRuns += (int) openedTimes.stream().filter(t -> !t.isBefore(d) && t.isBefore(dayEnd)).count();
        }
        return new Score(caught.size(), lead, opened, offSpike, runs == 0 ? 0 : (double) openedInRuns / runs, caught);
    }
}
