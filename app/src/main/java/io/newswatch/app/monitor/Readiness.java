package io.newswatch.app.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgement behind {@code /ready}: a process is ready when its Kafka cluster answers and every stage it was
 * started to run is running. A stage not yet registered counts as not started, so a process that is still
 * starting its broker or restoring state is not ready; one that is stopping is not ready either (its stages
 * leave RUNNING first). Pure: the probes' answers come in, the verdict goes out.
 */
public final class Readiness {

    private Readiness() {
    }

    /**
     * The verdict and why.
     *
     * @param ready   whether {@code /ready} answers 200
     * @param broker  the last broker check
     * @param stages  every expected stage's state, in the order the process names them
     * @param waiting one line per thing that is not ready (empty when ready)
     */
    public record Report(boolean ready, BrokerStatus broker, Map<String, String> stages, List<String> waiting) {
    }

    /**
     * @param expected the stages this process runs, in order
     * @param probed   what the registered stages say now; an expected stage missing here has not started
     * @param broker   the last broker check
     */
    public static Report judge(List<String> expected, Map<String, StageStatus> probed, BrokerStatus broker) {
        List<String> waiting = new ArrayList<>();
        if (!broker.reachable()) {
            waiting.add("broker: " + broker.detail());
        }
        Map<String, String> stages = new LinkedHashMap<>();
        for (String stage : expected) {
            StageStatus status = probed.getOrDefault(stage, StageStatus.NOT_STARTED);
            stages.put(stage, status.state());
            if (!status.running()) {
                waiting.add(stage + ": " + status.state());
            }
        }
        return new Report(waiting.isEmpty(), broker, stages, List.copyOf(waiting));
    }
}
