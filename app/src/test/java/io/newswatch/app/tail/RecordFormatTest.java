package io.newswatch.app.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.FeedStatus;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("tail output formats")
class RecordFormatTest {

    private static final Topics TOPICS = new Topics("");
    private static final Instant T = Instant.parse("2025-10-16T18:04:00Z");

    static Article article() {
        return new Article(Article.SCHEMA_VERSION, "a1", "https://example.org/rss", "Example News", "example.org",
                "US weighs Tomahawk sale to Ukraine", "Trump and Putin spoke by phone.", "https://example.org/a1",
                "https://example.org/a1", null, List.of(), List.of(), "en", T, T, T, EventTimeSource.PUBLISHED);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 2, 41L, T.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }

    @Test
    @DisplayName("json prints the record value as one compact JSON line")
    void jsonValue() {
        byte[] value = RecordSerdes.ARTICLE.serialize("t", article());
        String line = new JsonLinesFormat(false).format(record(TOPICS.raw(), "a1", value, new RecordHeaders()));
        assertThat(line).doesNotContain("\n").startsWith("{").contains("\"id\":\"a1\"", "\"title\":\"US weighs Tomahawk sale to Ukraine\"");
    }

    @Test
    @DisplayName("json wraps what is not JSON, and tombstones, in an envelope with where it came from")
    void jsonEnvelope() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.ERROR_MESSAGE, "cannot read Article".getBytes(StandardCharsets.UTF_8));
        String deadLetter = new JsonLinesFormat(false).format(record(TOPICS.dlq(), "k", "not json <".getBytes(StandardCharsets.UTF_8), headers));
        assertThat(deadLetter).contains("\"topic\":\"news.dlq\"", "\"partition\":2", "\"offset\":41", "\"key\":\"k\"",
                "\"valueText\":\"not json <\"", "\"" + DeadLetterHeaders.ERROR_MESSAGE + "\":\"cannot read Article\"");
        String tombstone = new JsonLinesFormat(false).format(record(TOPICS.watches(), "tomahawk", null, new RecordHeaders()));
        assertThat(tombstone).contains("\"key\":\"tomahawk\"", "\"value\":null");
    }

    @Test
    @DisplayName("text shows an article as time, source, title and link, and an enriched one with tags and entities")
    void text() {
        TextFormat text = new TextFormat(TOPICS, alert -> "alert " + alert.watchId());
        byte[] raw = RecordSerdes.ARTICLE.serialize("t", article());
        assertThat(text.format(record(TOPICS.raw(), "a1", raw, new RecordHeaders())))
                .isEqualTo("2025-10-16T18:04:00Z  example.org  US weighs Tomahawk sale to Ukraine  https://example.org/a1");

        EnrichedArticle enriched = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article(),
                List.of(new TagMatch("arms-transfer", "Arms transfer", List.of("Tomahawk", "sale"))),
                List.of(new EntityMatch(EntityType.COUNTRY, "country:UA", "Ukraine", List.of("Ukraine"))), "s-1", "tax-1", T);
        String lines = text.format(record(TOPICS.enriched(), "a1", RecordSerdes.ENRICHED_ARTICLE.serialize("t", enriched),
                new RecordHeaders()));
        assertThat(lines).contains("tags: arms-transfer [Tomahawk, sale]", "entities: Ukraine (country:UA) [Ukraine]");
    }

    @Test
    @DisplayName("text: a feed's health change on one line, and its removal")
    void textFeedStatus() {
        TextFormat text = new TextFormat(TOPICS, alert -> "alert");
        FeedStatus status = new FeedStatus("https://example.com/rss", "Example", FeedStatus.Health.SILENT, FeedStatus.Health.HEALTHY,
                "no new item for 2 d; usually one every 2 h (silent after 16 h)", 0, null, null, null, null,
                Instant.parse("2026-11-29T09:01:13.5Z"));
        assertThat(text.format(record(TOPICS.feedStatus(), status.feed(), RecordSerdes.FEED_STATUS.serialize("t", status),
                new RecordHeaders()))).isEqualTo("2026-11-29T09:01:13Z  SILENT  https://example.com/rss  (Example)  "
                + "no new item for 2 d; usually one every 2 h (silent after 16 h)");
        assertThat(text.format(record(TOPICS.feedStatus(), "https://example.com/rss", null, new RecordHeaders())))
                .isEqualTo("https://example.com/rss: removed");
    }

    @Test
    @DisplayName("text shows a record that does not decode as its raw text, saying why, instead of failing")
    void textUndecodable() {
        TextFormat text = new TextFormat(TOPICS, alert -> "alert");
        String line = text.format(record(TOPICS.raw(), "a1", "{broken".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
        assertThat(line).startsWith("a1  {broken").contains("not readable as a record of news.articles.raw");
    }
}
