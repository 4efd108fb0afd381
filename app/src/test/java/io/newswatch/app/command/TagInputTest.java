package io.newswatch.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.app.cli.UsageException;
import io.newswatch.core.Article;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("newswatch tag: what the input is read as")
class TagInputTest {

    @Test
    @DisplayName("plain text is one document: its first line is the title, the rest the summary")
    void plainText() {
        List<Article> articles = TagCommand.articlesOf("""

                US weighs Tomahawk sale to Ukraine
                Trump said he might send the missiles.
                Putin warned against it.
                """);
        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("US weighs Tomahawk sale to Ukraine");
            assertThat(a.summary()).isEqualTo("Trump said he might send the missiles.\nPutin warned against it.");
        });
    }

    @Test
    @DisplayName("JSON lines are one document each: {title, summary}, {title, text}, or a whole Article")
    void jsonLines() {
        List<Article> articles = TagCommand.articlesOf("""
                {"title": "Summit in Budapest", "summary": "Trump and Putin to meet"}

                {"title": "Only a headline"}
                {"text": "A text field instead of a summary"}
                {"schemaVersion": 1, "id": "a-42", "title": "Stored article", "summary": "From news.articles.raw", "eventTime": "2025-10-16T18:04:00Z"}
                """);
        assertThat(articles).extracting(Article::title)
                .containsExactly("Summit in Budapest", "Only a headline", "", "Stored article");
        assertThat(articles.get(2).summary()).isEqualTo("A text field instead of a summary");
        assertThat(articles.get(3).id()).isEqualTo("a-42");
    }

    @Test
    @DisplayName("a line that is not JSON, or has no text at all, is refused naming the line")
    void badLines() {
        assertThatThrownBy(() -> TagCommand.articlesOf("{\"title\": \"ok\"}\n{broken"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("line 2 is not JSON");
        assertThatThrownBy(() -> TagCommand.articlesOf("{\"link\": \"https://example.org\"}"))
                .isInstanceOf(UsageException.class).hasMessageContaining("line 1 has neither a title nor a summary");
    }
}
