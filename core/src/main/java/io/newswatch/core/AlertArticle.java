package io.newswatch.core;

import java.time.Instant;

/** One of the top articles an alert cites as evidence. */
public record AlertArticle(String id, String title, String link, String source, Instant eventTime) {
}
