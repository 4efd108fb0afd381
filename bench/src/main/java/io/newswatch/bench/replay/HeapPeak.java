package io.newswatch.bench.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap a replay needs, sampled every 100 ms while it runs: the most in use at any one moment (garbage included: G1
 * lets the heap fill before it collects, so this mostly shows the limit) and the most left in use after a collection
 * (the old generation after its last collection: what was live, the better measure of what the replay needs).
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private long peakInUse;
    private long peakAfterCollection;

    private HeapPeak() {
        sampler = Thread.ofPlatform().daemon().name("heap-peak-sampler").start(this::loop);
    }

    static HeapPeak start() {
        return new HeapPeak();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        peakInUse = Math.max(peakInUse, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage u = pool.getCollectionUsage();
            if (u != null && pool.getName().contains("Old")) {
                afterCollection += u.getUsed();
            }
        }
        peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
    }

    synchronized long peakInUse() {
        return peakInUse;
    }

    synchronized long peakAfterCollection() {
        return peakAfterCollection;
    }
}
