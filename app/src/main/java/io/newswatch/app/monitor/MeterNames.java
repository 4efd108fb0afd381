package io.newswatch.app.monitor;

/**
 * The names of newswatch's own meters, in Micrometer's dotted form; Prometheus sees them with underscores, counters
 * with {@code _total} and base units appended ({@code newswatch.feed.interval} in seconds is
 * {@code newswatch_feed_interval_seconds}). They are a contract with users' dashboards and alert rules: rename
 * none without saying so in docs/OPERATIONS.md, which lists them all.
 */
public final class MeterNames {

    /** Tag naming the pipeline stage: ingest, enrich, alerts, deliver. */
    public static final String STAGE = "stage";
    public static final String TOPIC = "topic";
    public static final String FEED = "feed";

    public static final String READY = "newswatch.ready";
    public static final String BROKER_REACHABLE = "newswatch.broker.reachable";
    public static final String STAGE_RUNNING = "newswatch.stage.running";

    public static final String RECORDS_IN = "newswatch.stage.records.in";
    public static final String RECORDS_OUT = "newswatch.stage.records.out";
    public static final String DEAD_LETTERS = "newswatch.stage.dead.letters";
    public static final String LATE_ARTICLES = "newswatch.stage.late.articles";
    public static final String DROPPED_ARTICLES = "newswatch.stage.dropped.articles";
    public static final String ALERTS = "newswatch.alerts";
    public static final String WEBHOOK_DELIVERIES = "newswatch.webhook.deliveries";

    public static final String FEEDS = "newswatch.ingest.feeds";
    public static final String FEEDS_UNHEALTHY = "newswatch.ingest.feeds.unhealthy";
    public static final String INGEST_FETCHES = "newswatch.ingest.fetches";
    public static final String INGEST_NOT_MODIFIED = "newswatch.ingest.not.modified";
    public static final String INGEST_ERRORS = "newswatch.ingest.errors";

    public static final String FEED_FETCHES = "newswatch.feed.fetches";
    public static final String FEED_NOT_MODIFIED = "newswatch.feed.not.modified";
    public static final String FEED_ERRORS = "newswatch.feed.errors";
    public static final String FEED_NEW_ARTICLES = "newswatch.feed.new.articles";
    public static final String FEED_CONSECUTIVE_ERRORS = "newswatch.feed.consecutive.errors";
    public static final String FEED_INTERVAL = "newswatch.feed.interval";
    public static final String FEED_LAST_SUCCESS = "newswatch.feed.last.success.timestamp";
    public static final String FEED_UNHEALTHY = "newswatch.feed.unhealthy";

    private MeterNames() {
    }
}
