package io.newswatch.bench.replay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time per thread while a replay runs, summed over groups of threads (enrich's stream thread, the broker's
 * request handlers, ...). Threads come and go with the stages, so their CPU time is read every 200 ms and the
 * last reading of each is kept: a thread that ended since loses at most its last 200 ms. The JVM's own threads (JIT, GC)
 * and RocksDB's are read from /proc.
 */
final class ThreadCpu {

    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, Long> lastNanos = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** CPU of the JVM's own threads (JIT compilers, GC) and native ones (RocksDB), which Java does not list: from /proc. */
    private final Map<String, Long> nativeStart = nativeThreads();

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
        nativeThreads().forEach((group, cpu) -> sums.merge(group, cpu - nativeStart.getOrDefault(group, 0L), Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * CPU nanoseconds of the threads Java does not list, by group, from /proc/self/task (Linux; empty elsewhere). Such
     * threads live as long as the JVM, so a difference of two readings is what they used in between.
     */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> sums = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return sums;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String group = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "JIT compiler threads"
                            : comm.startsWith("G1 ") || comm.startsWith("GC Thread") ? "GC threads"
                            : comm.startsWith("rocksdb") ? "RocksDB background threads" : null;
                    if (group != null) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, fields 14 and 15 of stat
                        sums.merge(group, ticks * 10_000_000L, Long::sum); // USER_HZ is 100 on Linux
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return sums;
        }
        return sums;
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
