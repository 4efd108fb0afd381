package io.newswatch.core;

/**
 * The one serde of each record type on the pipeline's topics. Code that reads or writes a topic takes them from its
 * {@link Topic} ({@link Topics#rawArticles()} and so on); these constants are for the few places that encode a record
 * apart from any topic (enrich's merge buffer, an alert routed to a watch's own topic). JSON (de)serializers are
 * stateless and thread-safe, so one instance serves every thread.
 */
public final class RecordSerdes {

    public static final JsonSerde<Article> ARTICLE = JsonSerde.of(Article.class);
    public static final JsonSerde<EnrichedArticle> ENRICHED_ARTICLE = JsonSerde.of(EnrichedArticle.class);
    public static final JsonSerde<Alert> ALERT = JsonSerde.of(Alert.class);
    public static final JsonSerde<WatchInput> WATCH = JsonSerde.of(WatchInput.class);
    public static final JsonSerde<FeedStatus> FEED_STATUS = JsonSerde.of(FeedStatus.class);

    private RecordSerdes() {
    }
}
