package io.newswatch.bench.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread while a replay runs, summed over groups of threads (enrich's stream thread, the broker's
 * request handlers, ...). Threads come and go with the stages, so their CPU time is read every 200 ms and the
 * last reading of each is kept: a thread that ended since loses at most its last 200 ms.
 */
final class ThreadCpu {

    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, Long> lastNanos = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        for (ThreadInfo t : bean.dumpAllThreads(false, false)) {
            startNanos.put(t.getThreadId(), Math.max(0, bean.getThreadCpuTime(t.getThreadId())));
        }
        sampler = Thread.ofPlatform().daemon().name("thread-cpu-sampler").start(this::loop);
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        for (ThreadInfo t : bean.dumpAllThreads(false, false)) {
            long cpu = bean.getThreadCpuTime(t.getThreadId());
            if (cpu >= 0) {
                lastNanos.put(t.getThreadId(), cpu);
                names.put(t.getThreadId(), t.getThreadName());
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
    }

    /** CPU nanoseconds per thread group, largest first. */
    synchronized Map<String, Long> perGroup() {
        Map<String, Long> sums = new TreeMap<>();
        lastNanos.forEach((id, cpu) -> sums.merge(group(names.get(id)), cpu - startNanos.getOrDefault(id, 0L), Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String group(String name) {
        if (name.contains("enrich") && name.contains("StreamThread") && !name.contains("producer")) {
            return "enrich stream thread";
        }
        if (name.contains("alerts") && name.contains("StreamThread") && !name.contains("producer")) {
            return "alerts stream thread";
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer network threads";
        }
        if (name.startsWith("data-plane-kafka-request-handler")) {
            return "broker request handlers";
        }
        if (name.startsWith("data-plane-kafka-network-thread")) {
            return "broker network threads";
        }
        if (name.startsWith("kafka-") || name.contains("raft") || name.contains("coordinator") || name.contains("controller")
                || name.startsWith("log-") || name.startsWith("ExpirationReaper") || name.contains("TxnMarker")
                || name.contains("AddPartitionsToTxn")) {
            return "broker, other threads";
        }
        if (name.equals("main")) {
            return "main (copy, progress)";
        }
        return "other";
    }
}
