/**
 * From a feed's bytes to articles. In: a feed body, its charset and location. Out: the feed's
 * {@link io.newswatch.core.Article}s, or why there are none ({@link io.newswatch.ingest.extract.ArticleExtractor}: the
 * parser, then the normalizer). Shared by the poller and by {@code newswatch import}.
 */
package io.newswatch.ingest.extract;
