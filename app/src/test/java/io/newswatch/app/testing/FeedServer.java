package io.newswatch.app.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A feed publisher on 127.0.0.1 for tests: each path serves bytes chosen by how many times it has been
 * fetched, so a feed can change between polls (quiet first, then a burst).
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, IntFunction<byte[]>> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    /** Who fetched each path, by User-Agent, since the last {@link #forgetFetchers()}. */
    private final Map<String, Set<String>> fetchers = new ConcurrentHashMap<>();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            fetchers.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(agent == null ? "" : agent);
            IntFunction<byte[]> feed = feeds.get(path);
            byte[] body = feed == null ? null : feed.apply(fetches.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves {@code path}; the function gets the number of earlier fetches of it (0 for the first). */
    public String serve(String path, IntFunction<byte[]> feed) {
        feeds.put(path, feed);
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int fetches(String path) {
        AtomicInteger n = fetches.get(path);
        return n == null ? 0 : n.get();
    }

    /** The User-Agents that fetched each path since the last {@link #forgetFetchers()} (paths never fetched are absent). */
    public Map<String, Set<String>> fetchers() {
        Map<String, Set<String>> copy = new TreeMap<>();
        fetchers.forEach((path, agents) -> copy.put(path, Set.copyOf(agents)));
        return copy;
    }

    /** Starts recording fetchers afresh. */
    public void forgetFetchers() {
        fetchers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
