package io.newswatch.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("readiness: the broker answers and every stage of the process runs")
class ReadinessTest {

    private static final BrokerStatus UP = new BrokerStatus(true, "1 broker answered");
    private static final List<String> ALL = List.of("ingest", "enrich", "alerts", "deliver");

    @Test
    @DisplayName("ready when the broker answers and every expected stage is running")
    void ready() {
        Readiness.Report report = Readiness.judge(ALL, Map.of("ingest", StageStatus.RUNNING, "enrich", StageStatus.RUNNING,
                "alerts", StageStatus.RUNNING, "deliver", StageStatus.RUNNING), UP);
        assertThat(report.ready()).isTrue();
        assertThat(report.waiting()).isEmpty();
        assertThat(report.stages()).containsExactly(Map.entry("ingest", "RUNNING"), Map.entry("enrich", "RUNNING"),
                Map.entry("alerts", "RUNNING"), Map.entry("deliver", "RUNNING"));
    }

    @Test
    @DisplayName("before anything started: every stage NOT_STARTED, the broker not checked, each named in what it waits for")
    void beforeStart() {
        Readiness.Report report = Readiness.judge(ALL, Map.of(), BrokerStatus.NOT_CHECKED);
        assertThat(report.ready()).isFalse();
        assertThat(report.stages()).containsOnlyKeys(ALL).allSatisfy((stage, state) -> assertThat(state).isEqualTo("NOT_STARTED"));
        assertThat(report.waiting()).containsExactly("broker: not checked yet", "ingest: NOT_STARTED", "enrich: NOT_STARTED",
                "alerts: NOT_STARTED", "deliver: NOT_STARTED");
    }

    @Test
    @DisplayName("one stage rebalancing is enough to be not ready, and only it is named")
    void oneStageNotRunning() {
        Readiness.Report report = Readiness.judge(List.of("enrich", "alerts"),
                Map.of("enrich", StageStatus.RUNNING, "alerts", new StageStatus(false, "REBALANCING")), UP);
        assertThat(report.ready()).isFalse();
        assertThat(report.waiting()).containsExactly("alerts: REBALANCING");
    }

    @Test
    @DisplayName("every stage running but the broker gone: not ready, saying why")
    void brokerGone() {
        Readiness.Report report = Readiness.judge(List.of("enrich"), Map.of("enrich", StageStatus.RUNNING),
                new BrokerStatus(false, "unreachable: no answer within 3 s"));
        assertThat(report.ready()).isFalse();
        assertThat(report.waiting()).containsExactly("broker: unreachable: no answer within 3 s");
    }

    @Test
    @DisplayName("a stage this process does not run does not count, whatever it says")
    void unexpectedStageIgnored() {
        Readiness.Report report = Readiness.judge(List.of("ingest"),
                Map.of("ingest", StageStatus.RUNNING, "enrich", StageStatus.STOPPED), UP);
        assertThat(report.ready()).isTrue();
        assertThat(report.stages()).containsOnlyKeys("ingest");
    }

    @Test
    @DisplayName("the JSON body names the status, the broker, each stage and what is waited for")
    void json() throws Exception {
        Readiness.Report report = Readiness.judge(List.of("enrich", "alerts"),
                Map.of("enrich", StageStatus.RUNNING, "alerts", new StageStatus(false, "REBALANCING")), UP);
        assertThat(ReadinessJson.of(report)).isEqualTo("{\"status\":\"NOT_READY\",\"broker\":{\"reachable\":true,\"detail\":"
                + "\"1 broker answered\"},\"stages\":{\"enrich\":\"RUNNING\",\"alerts\":\"REBALANCING\"},"
                + "\"waitingFor\":[\"alerts: REBALANCING\"]}");
    }
}
