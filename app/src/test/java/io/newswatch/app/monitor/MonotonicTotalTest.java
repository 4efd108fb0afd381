package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("monotonic total: a sum of counters that never goes down while its parts come and go")
class MonotonicTotalTest {

    @Test
    @DisplayName("the sum of the parts while they only grow")
    void sums() {
        MonotonicTotal<String> total = new MonotonicTotal<>();
        assertThat(total.update(Map.of("a", 1.0, "b", 2.0))).isEqualTo(3.0);
        assertThat(total.update(Map.of("a", 5.0, "b", 2.0))).isEqualTo(7.0);
    }

    @Test
    @DisplayName("a part that leaves (a task moved away by a rebalance) keeps what it counted")
    void partLeaves() {
        MonotonicTotal<String> total = new MonotonicTotal<>();
        total.update(Map.of("task-0", 10.0, "task-1", 4.0));
        assertThat(total.update(Map.of("task-0", 11.0))).isEqualTo(15.0);
    }

    @Test
    @DisplayName("a part that comes back from zero adds to what it had counted before")
    void partRestarts() {
        MonotonicTotal<String> total = new MonotonicTotal<>();
        total.update(Map.of("task-0", 10.0));
        assertThat(total.update(Map.of("task-0", 3.0))).isEqualTo(13.0); // gone and back between two reads
        total.update(Map.of());
        assertThat(total.update(Map.of("task-0", 2.0))).isEqualTo(15.0);
    }

    @Test
    @DisplayName("NaN parts (a metric not yet measured) are left out")
    void nanIgnored() {
        MonotonicTotal<String> total = new MonotonicTotal<>();
        assertThat(total.update(Map.of("a", Double.NaN, "b", 1.0))).isEqualTo(1.0);
    }
}
