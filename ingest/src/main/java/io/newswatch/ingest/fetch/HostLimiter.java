package io.newswatch.ingest.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * At most N fetches in flight per host, so twenty feeds from one publisher do not hit its server at
 * once. Fair semaphores: a feed waiting for its host is served in order.
 */
final class HostLimiter {

    private final int perHost;
    private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        this.perHost = perHost;
    }

    Semaphore forHost(String host) {
        String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return permits.computeIfAbsent(key, k -> new Semaphore(perHost, true));
    }
}
