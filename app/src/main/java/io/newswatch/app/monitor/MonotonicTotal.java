package io.newswatch.app.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * A sum of counters that never goes down although its parts come and go. Kafka Streams drops a task's metrics when
 * a rebalance moves the task to another instance (and starts them at zero when it comes back), and a feed's counters
 * leave with the feed; summed naively, the total would fall, and Prometheus reads a fall as a counter reset and
 * counts the whole remaining value again as new. Here a part that disappears, or restarts below its last value, has
 * its last value kept, so the total only grows while the process lives.
 *
 * @param <K> what names a part, e.g. a Kafka {@code MetricName} or a feed
 */
public final class MonotonicTotal<K> {

    private Map<K, Double> last = new HashMap<>();
    private double retired;

    /** Takes the parts' current values (NaN ones are left out) and returns the total. */
    public synchronized double update(Map<K, Double> current) {
        Map<K, Double> now = new HashMap<>();
        current.forEach((k, v) -> {
            if (v != null && !v.isNaN()) {
                now.put(k, v);
            }
        });
        last.forEach((k, before) -> {
            Double v = now.get(k);
            if (v == null || v < before) {
                retired += before; // gone, or started again from zero: what it had counted stays counted
            }
        });
        last = now;
        double total = retired;
        for (double v : now.values()) {
            total += v;
        }
        return total;
    }
}
