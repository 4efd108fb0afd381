package io.newswatch.bench.ingest.polling;

import io.newswatch.core.Article;
import io.newswatch.ingest.publish.ArticleSink;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Acknowledges every article at once and counts: articles, items sent twice (a farm item is {@code feed/item/k}; each
 * feed's items sent so far are one range, kept as two ints per feed, so the count costs no set of ids), and the
 * latency from an item's publish time to its publishing, for items published after {@code since}.
 */
final class CountingSink implements ArticleSink {

    static final int LATENCY_BUCKET_MS = 1000;
    private static final int LATENCY_BUCKETS = 1200;

    private final long[] low;
    private final long[] high;
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLongArray latency = new AtomicLongArray(LATENCY_BUCKETS);
    private final long since;

    CountingSink(int feeds, long since) {
        this.low = new long[feeds];
        this.high = new long[feeds];
        Arrays.fill(low, Long.MAX_VALUE);
        Arrays.fill(high, Long.MIN_VALUE);
        this.since = since;
    }

    @Override
    public PublishResult publish(List<Article> batch) {
        long now = System.currentTimeMillis();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int feed = -1;
        long dups = 0;
        for (Article a : batch) {
            String link = a.link();
            int item = link.indexOf("/item/");
            feed = Integer.parseInt(link.substring(link.lastIndexOf('/', item - 1) + 1, item));
            long k = Long.parseLong(link.substring(item + 6));
            min = Math.min(min, k);
            max = Math.max(max, k);
            long published = a.publishedAt().toEpochMilli();
            if (published >= since) {
                latency.incrementAndGet((int) Math.clamp((now - published) / LATENCY_BUCKET_MS, 0, LATENCY_BUCKETS - 1));
            }
        }
        if (feed >= 0) {
            synchronized (this) { // one feed is polled by one thread at a time; the lock only publishes the arrays
                for (Article a : batch) {
                    long k = Long.parseLong(a.link().substring(a.link().indexOf("/item/") + 6));
                    if (k >= low[feed] && k <= high[feed]) {
                        dups++;
                    }
                }
                low[feed] = Math.min(low[feed], min);
                high[feed] = Math.max(high[feed], max);
            }
        }
        articles.addAndGet(batch.size());
        duplicates.addAndGet(dups);
        return new PublishResult(batch, null);
    }

    long articles() {
        return articles.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** {count, p50, p95, max} in milliseconds (upper bucket edges), and clears the histogram. */
    long[] takeLatency() {
        long[] h = new long[LATENCY_BUCKETS];
        long count = 0;
        for (int i = 0; i < LATENCY_BUCKETS; i++) {
            h[i] = latency.getAndSet(i, 0);
            count += h[i];
        }
        return new long[] {count, pct(h, count, 0.5), pct(h, count, 0.95), pct(h, count, 1.0)};
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
                return (long) (i + 1) * LATENCY_BUCKET_MS;
            }
        }
        return (long) h.length * LATENCY_BUCKET_MS;
    }

    @Override
    public void close() {
    }
}
