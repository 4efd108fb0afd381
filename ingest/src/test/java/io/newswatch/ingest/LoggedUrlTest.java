package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoggedUrlTest {

    @Test
    @DisplayName("user-info and credential-like query values are removed; other parameters kept")
    void redacts() {
        assertThat(LoggedUrl.of("https://bob:hunter2@feeds.example.com:8443/rss?api_key=abc&section=world&access_token=t&sig=s"))
                .isEqualTo("https://feeds.example.com:8443/rss?api_key=***&section=world&access_token=***&sig=***");
        assertThat(LoggedUrl.of("https://feeds.bbci.co.uk/news/world/rss.xml")).isEqualTo("https://feeds.bbci.co.uk/news/world/rss.xml");
    }
}
