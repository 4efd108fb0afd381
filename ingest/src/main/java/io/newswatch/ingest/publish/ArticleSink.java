package io.newswatch.ingest.publish;

import io.newswatch.core.Article;
import java.util.List;

/** Where new articles go. The Kafka implementation is {@link KafkaArticlePublisher}; tests may collect them. */
public interface ArticleSink extends AutoCloseable {

    /**
     * Sends the articles and waits until each is acknowledged or has failed.
     *
     * @return the result; articles that failed are not marked seen and are tried again on the next poll
     */
    PublishResult publish(List<Article> articles);

    /** What was acknowledged, and why the rest failed (null when all were). */
    record PublishResult(List<Article> acknowledged, String firstError) {
        public PublishResult {
            acknowledged = List.copyOf(acknowledged);
        }
    }

    @Override
    void close();
}
