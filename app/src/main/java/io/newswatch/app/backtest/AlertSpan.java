package io.newswatch.app.backtest;

import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert from its OPENED to its RESOLVED event (the events that share an {@code alertId}), on event time.
 *
 * @param opened   event time of the OPENED event
 * @param resolved event time of the RESOLVED event; null while the alert was still open at the end of the backtest
 * @param updates  how many UPDATED events it had
 * @param maxScore the highest score among its events
 * @param summary  the OPENED event's one-line summary
 */
public record AlertSpan(String alertId, String watchId, Instant opened, Instant resolved, int updates, double maxScore,
                        String summary) {

    /** True when the alert was open at some moment of {@code [from, to)}. */
    public boolean openDuring(Instant from, Instant to) {
        return opened.isBefore(to) && (resolved == null || resolved.isAfter(from));
    }

    /** The alerts that the events make up, ordered by opening time. Events of an alert whose OPENED is not among them are left out. */
    public static List<AlertSpan> of(Collection<Alert> events) {
        List<Alert> ordered = events.stream().sorted(Comparator.comparing(Alert::eventTime)).toList();
        Map<String, Builder> byId = new LinkedHashMap<>();
        for (Alert a : ordered) {
            if (a.status() == AlertStatus.OPENED) {
                byId.put(a.alertId(), new Builder(a));
            } else {
                Builder b = byId.get(a.alertId());
                if (b != null) {
                    b.add(a);
                }
            }
        }
        List<AlertSpan> out = new ArrayList<>();
        byId.values().forEach(b -> out.add(b.build()));
        out.sort(Comparator.comparing(AlertSpan::opened).thenComparing(AlertSpan::alertId));
        return out;
    }

    private static final class Builder {
        private final Alert opening;
        private Instant resolved;
        private int updates;
        private double maxScore;

        Builder(Alert opening) {
            this.opening = opening;
            this.maxScore = opening.score();
        }

        void add(Alert a) {
            maxScore = Math.max(maxScore, a.score());
            if (a.status() == AlertStatus.UPDATED) {
                updates++;
            } else if (a.status() == AlertStatus.RESOLVED) {
                resolved = a.eventTime();
            }
        }

        AlertSpan build() {
            return new AlertSpan(opening.alertId(), opening.watchId(), opening.eventTime(), resolved, updates, maxScore, opening.summary());
        }
    }
}
