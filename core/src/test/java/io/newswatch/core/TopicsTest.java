package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    @DisplayName("a prefix lets a backtest run beside live")
    void prefix() {
        Topics backtest = new Topics("backtest.");
        assertThat(backtest.raw()).isEqualTo("backtest.news.articles.raw");
        assertThat(backtest.all()).hasSize(9).allMatch(t -> t.startsWith("backtest.news."));
        assertThat(Topics.defaults().alerts()).isEqualTo("news.alerts");
    }

    @Test
    @DisplayName("short names of our topics get the prefix; other names are kept")
    void resolve() {
        Topics t = new Topics("bt-");
        assertThat(t.resolve("news.alerts")).isEqualTo("bt-news.alerts");
        assertThat(t.resolve("news.articles.history")).isEqualTo("bt-news.articles.history");
        assertThat(t.resolve("news.feed-status")).isEqualTo("bt-news.feed-status");
        assertThat(t.resolve("my.watch.topic")).isEqualTo("my.watch.topic");
    }

    @Test
    @DisplayName("a prefix with illegal characters is refused")
    void illegalPrefix() {
        assertThatThrownBy(() -> new Topics("a b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a b");
    }
}
