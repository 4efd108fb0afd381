package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopicTest {

    private final Topics topics = new Topics("bt.");

    @Test
    @DisplayName("each pipeline topic carries its prefixed name and its record type's serdes")
    void namesAndSerdes() {
        assertThat(topics.rawArticles().name()).isEqualTo("bt.news.articles.raw");
        assertThat(topics.historyArticles().name()).isEqualTo("bt.news.articles.history");
        assertThat(topics.enrichedArticles().name()).isEqualTo("bt.news.articles.enriched");
        assertThat(topics.alertEvents().name()).isEqualTo("bt.news.alerts");
        assertThat(topics.alertEvents("desk.tomahawk").name()).isEqualTo("bt.desk.tomahawk");
        assertThat(topics.watchTable().name()).isEqualTo("bt.news.watches");
        assertThat(topics.watchTable().valueSerde()).isSameAs(RecordSerdes.WATCH);
    }

    @Test
    @DisplayName("a value written for a topic reads back; bytes that are not its record type fail naming the topic")
    void roundTrip() {
        WatchInput watch = new WatchInput(WatchInput.SCHEMA_VERSION, "hu", "d", "hungary", null, null, Duration.ofMinutes(10), Duration.ofDays(7),
                2.5, 5, 3, Duration.ofHours(1), null, null, true, null);
        Topic<String, WatchInput> table = topics.watchTable();

        assertThat(table.value(table.bytes(watch))).isEqualTo(watch);
        assertThat(table.value(null)).isNull();
        assertThat(table.record("hu", watch).topic()).isEqualTo("bt.news.watches");
        assertThatThrownBy(() -> topics.rawArticles().value("not json".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("bt.news.articles.raw");
    }
}
