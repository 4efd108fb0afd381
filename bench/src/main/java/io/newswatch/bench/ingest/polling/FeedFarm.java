package io.newswatch.bench.ingest.polling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A farm of generated RSS feeds on many loopback hosts (127.1.x.y: on Linux all of 127/8 reaches this machine), one JDK
 * {@link HttpServer} per host on one port. Feed {@code i} lives on host {@code i % hosts}; it always lists its latest 20
 * items and gains one every {@code itemEvery} (each feed at its own phase); ETag and Last-Modified name its newest item,
 * and a request that presents either gets a 304. It runs in a process of its own so that the benchmark's CPU and heap
 * are ingest's alone. It measures what a publisher sees: requests, 304s, connections opened (distinct client ports),
 * and the gap between two requests for the same feed. {@code /_stats} on the first host answers them as one line.
 *
 * <p>Run as {@code FeedFarm <feeds> <hosts> <port> <itemEveryMillis> <startEpochMillis>}; prints "ready" when listening.
 */
public final class FeedFarm {

    static final int ITEMS = 20;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** Gap histogram: 100 ms buckets up to 20 minutes. */
    private static final int GAP_BUCKET_MS = 100;
    private static final int GAP_BUCKETS = 12_000;

    private final int feeds;
    private final int hosts;
    private final long itemEvery;
    private final long start;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray lastRequest;
    private final AtomicLongArray gaps = new AtomicLongArray(GAP_BUCKETS);

    FeedFarm(int feeds, int hosts, long itemEvery, long start) {
        this.feeds = feeds;
        this.hosts = hosts;
        this.itemEvery = itemEvery;
        this.start = start;
        this.lastRequest = new AtomicLongArray(feeds);
    }

    /** The host feed {@code i} lives on. */
    static String host(int feed, int hosts) {
        int h = feed % hosts;
        return "127.1." + (h / 250) + "." + (h % 250 + 1);
    }

    static String url(int feed, int hosts, int port) {
        return "http://" + host(feed, hosts) + ":" + port + "/feed/" + feed;
    }

    /** The feed's own phase, so feeds do not all gain their items at the same moment. */
    private long phase(int feed) {
        return Math.floorMod(feed * 2_654_435_761L, itemEvery);
    }

    /** When item {@code k} of the feed was published; items 0..19 exist at the start. */
    long publishedAt(int feed, long k) {
        return start + phase(feed) + (k - ITEMS) * itemEvery;
    }

    private long newest(int feed, long now) {
        return Math.floorDiv(now - start - phase(feed), itemEvery) + ITEMS;
    }

    public static void main(String[] args) throws IOException {
        int feeds = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        FeedFarm farm = new FeedFarm(feeds, hosts, Long.parseLong(args[3]), Long.parseLong(args[4]));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<HttpServer> servers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(host(h, hosts), port), 1024);
            server.createContext("/feed/", farm::serve);
            if (h == 0) {
                server.createContext("/_stats", farm::stats);
            }
            server.setExecutor(workers);
            server.start();
            servers.add(server);
        }
        System.out.println("ready " + servers.size());
        System.out.flush();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            long now = System.currentTimeMillis();
            int feed = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
            requests.incrementAndGet();
            connections.add(ex.getLocalAddress().getAddress().getHostAddress() + ">" + ex.getRemoteAddress().getPort());
            long previous = lastRequest.getAndSet(feed, now);
            if (previous != 0) {
                gaps.incrementAndGet((int) Math.min(GAP_BUCKETS - 1, (now - previous) / GAP_BUCKET_MS));
            }
            long newest = newest(feed, now);
            String etag = "\"" + feed + "-" + newest + "\"";
            String lastModified = HTTP_DATE.format(Instant.ofEpochMilli(publishedAt(feed, newest)));
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            if (etag.equals(inm) || (inm == null && lastModified.equals(ims))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = rss(feed, newest).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private String rss(int feed, long newest) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Farm feed ").append(feed)
                .append("</title><link>http://farm.example/").append(feed).append("</link><description>generated</description>")
                .append("<language>en</language>\n");
        for (long k = newest; k > newest - ITEMS; k--) {
            b.append("<item><title>Farm feed ").append(feed).append(" reports development number ").append(k)
                    .append(" in the ongoing story</title><link>http://farm.example/").append(feed).append("/item/").append(k)
                    .append("</link><guid isPermaLink=\"false\">farm-").append(feed).append('-').append(k).append("</guid><pubDate>")
                    .append(HTTP_DATE.format(Instant.ofEpochMilli(publishedAt(feed, k))))
                    .append("</pubDate><description>Officials said on Tuesday that talks would continue next week, while analysts")
                    .append(" expected markets to react to the announcement of item ").append(k).append(".</description></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    /** {@code requests notModified connections gapCount gapP50ms gapP95ms gapP99ms gapMaxms}; {@code ?reset} clears the gaps. */
    private void stats(HttpExchange ex) throws IOException {
        try (ex) {
            long count = 0;
            long[] h = new long[GAP_BUCKETS];
            for (int i = 0; i < GAP_BUCKETS; i++) {
                h[i] = gaps.get(i);
                count += h[i];
            }
            String line = requests.get() + " " + notModified.get() + " " + connections.size() + " " + count + " " + pct(h, count, 0.50)
                    + " " + pct(h, count, 0.95) + " " + pct(h, count, 0.99) + " " + pct(h, count, 1.0);
            if ("reset".equals(ex.getRequestURI().getQuery())) {
                for (int i = 0; i < GAP_BUCKETS; i++) {
                    gaps.set(i, 0);
                }
            }
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static long pct(long[] h, long count, double q) {
        if (count == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (seen >= rank) {
                return (long) (i + 1) * GAP_BUCKET_MS; // upper edge of the bucket
            }
        }
        return (long) h.length * GAP_BUCKET_MS;
    }
}
