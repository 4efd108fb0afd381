package io.newswatch.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedRegistryTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("OPML: nested outlines with xmlUrl are feeds named by title/text; relative paths resolve against the list")
    void opml() throws Exception {
        Files.writeString(dir.resolve("local.xml"), "<rss/>");
        Path opml = Files.writeString(dir.resolve("feeds.opml"), """
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>t</title></head><body>
                  <outline text="Folder">
                    <outline text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
                    <outline title="Local" text="ignored" xmlUrl="local.xml"/>
                  </outline>
                  <outline text="no url"/>
                </body></opml>
                """);
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(opml.toString()));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.sources()).containsExactly(
                new FeedSource("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC World"),
                new FeedSource(dir.resolve("local.xml").toString(), "Local"));
    }

    @Test
    @DisplayName("YAML: url/path entries with names, or bare strings")
    void yaml() throws Exception {
        Files.createDirectories(dir.resolve("saved"));
        Files.writeString(dir.resolve("saved/a.xml"), "<rss/>");
        Path yaml = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - url: https://www.aljazeera.com/xml/rss/all.xml
                    name: Al Jazeera
                  - path: saved
                  - https://feeds.npr.org/1004/rss.xml
                """);
        assertThat(FeedRegistry.load(List.of(yaml.toString())).sources()).containsExactly(
                new FeedSource("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera"),
                new FeedSource(dir.resolve("saved/a.xml").toString(), null),
                new FeedSource("https://feeds.npr.org/1004/rss.xml", null));
    }

    @Test
    @DisplayName("a directory gives its feed files, sorted; other files ignored; duplicates kept once")
    void directory() throws Exception {
        Files.writeString(dir.resolve("b.rss"), "<rss/>");
        Files.writeString(dir.resolve("a.xml"), "<rss/>");
        Files.writeString(dir.resolve("notes.txt"), "x");
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(dir.toString(), dir.resolve("a.xml").toString()));
        assertThat(loaded.sources()).extracting(FeedSource::location)
                .containsExactly(dir.resolve("a.xml").toString(), dir.resolve("b.rss").toString());
    }

    @Test
    @DisplayName("a missing entry or a broken list is a named problem; the other entries still load")
    void problems() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.opml"), "<opml><body><outline xmlUrl='x'>");
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(dir.resolve("missing.opml").toString(), broken.toString(),
                "https://ok.example.com/feed"));
        assertThat(loaded.sources()).extracting(FeedSource::location).containsExactly("https://ok.example.com/feed");
        assertThat(loaded.problems()).hasSize(2).allMatch(p -> p.stage() == FeedProblem.Stage.REGISTRY);
        assertThat(loaded.problems().get(0).cause()).contains("missing.opml");
        assertThat(loaded.problems().get(1).cause()).contains("broken.opml");
    }

    @Test
    @DisplayName("an OPML file with a DOCTYPE is refused (no XXE through the feed list either)")
    void opmlDoctype() throws Exception {
        Path evil = Files.writeString(dir.resolve("evil.opml"),
                "<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>");
        FeedRegistry.Loaded loaded = FeedRegistry.load(List.of(evil.toString()));
        assertThat(loaded.sources()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.cause()).contains("DOCTYPE"));
    }
}
