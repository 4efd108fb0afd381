package io.newswatch.bench.alerts;

import java.util.Locale;

/**
 * Where a latency trial's articles enter the pipeline, and so how much of it the clock covers.
 */
enum EntryTopic {

    /** {@code news.articles.enriched}: the alerts stage alone (match, repartition, detect). */
    ENRICHED(2),

    /**
     * {@code news.articles.raw}: the enrich stage (tag, dedup, story id) and then the alerts stage, as an
     * article from ingest travels.
     */
    RAW(4);

    private final int transactionHops;

    EntryTopic(int transactionHops) {
        this.transactionHops = transactionHops;
    }

    /**
     * Topics an article is written to inside a Streams transaction on its way to the alert (enrich: its
     * repartition topic and the enriched topic; alerts: its repartition topic and the alert topic). Under
     * exactly-once each is read_committed downstream, so each costs up to one commit interval.
     */
    int transactionHops() {
        return transactionHops;
    }

    /** Parses the value of {@code --from}: {@code raw} or {@code enriched}. */
    static EntryTopic parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "raw" -> RAW;
            case "enriched" -> ENRICHED;
            default -> throw new IllegalArgumentException("--from: expected raw or enriched, got '" + value + "'");
        };
    }
}
