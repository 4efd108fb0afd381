package io.newswatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-XML fast path ({@link PlainXmlDocument}) must give exactly what the repairing path gives
 * for every feed it takes, and must leave every feed that needs repair to the repairing path.
 */
class PlainXmlPathTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE / 2;
    private static final String URL = "https://fixture.example.com/feed.xml";

    /** Every fixture and the shipped sample feeds (tests never read ../shared: the project must not depend on it). */
    static Stream<Path> feeds() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("src/test/resources/feeds", "../samples/feeds", "../samples/burst")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    @DisplayName("Where the plain path applies, it gives the same parsed feed as the repairing path")
    void bothPathsAgree(Path feed) throws Exception {
        byte[] body = Files.readAllBytes(feed);
        for (String httpCharset : new String[] {null, "utf-8"}) {
            if (!PlainXmlDocument.suits(body, httpCharset) || PlainXmlDocument.build(body, NO_DEADLINE) == null) {
                continue;
            }
            ParsedFeed plain = FeedParser.parse(body, httpCharset, URL, System.nanoTime() + 10_000_000_000L);
            ParsedFeed repairing = FeedParser.parseRepairing(body, httpCharset, URL, System.nanoTime() + 10_000_000_000L);
            assertThat(plain).isEqualTo(repairing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss20-basic.xml", "rss10-rdf.xml", "atom03.xml", "atom10-xmlbase.xml", "date-variants.xml", "relative-links.xml",
            "html-and-cdata.xml", "missing-fields.xml", "future-and-ancient-dates.xml", "bom-utf8.xml"})
    @DisplayName("Well-formed UTF-8 feeds take the plain path")
    void plainFeedsTakeThePlainPath(String name) throws Exception {
        byte[] body = Fixtures.bytes(name);
        assertThat(PlainXmlDocument.suits(body, null)).isTrue();
        assertThat(PlainXmlDocument.build(body, NO_DEADLINE)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"html-entities.xml", "bare-ampersands.xml", "control-chars.xml", "cp1252-served-as-utf8.xml",
            "leading-whitespace.xml", "mismatched-tags.xml", "truncated.xml", "xxe-external-entity.xml", "billion-laughs.xml",
            "external-dtd.xml", "rss091-doctype.xml", "gb2312-declared.xml", "koi8r-declared.xml", "shiftjis-declared.xml",
            "utf16le-bom.xml"})
    @DisplayName("Feeds that need repair, another charset or a DOCTYPE are left to the repairing path")
    void feedsNeedingRepairAreLeftAlone(String name) throws Exception {
        byte[] body = Fixtures.bytes(name);
        assertThat(PlainXmlDocument.suits(body, null) && PlainXmlDocument.build(body, NO_DEADLINE) != null).isFalse();
    }

    @Test
    @DisplayName("A charset other than UTF-8 in the HTTP header sends even a clean UTF-8 body to the repairing path")
    void httpCharsetDecides() {
        byte[] body = Fixtures.bytes("rss20-basic.xml");
        assertThat(PlainXmlDocument.suits(body, "windows-1251")).isFalse();
        assertThat(PlainXmlDocument.suits(body, "UTF8")).isTrue();
    }

    @Test
    @DisplayName("A well-formed UTF-8 feed with an internal DTD is refused by the repairing path, never expanded")
    void internalSubsetIsNeverExpanded() throws Exception {
        byte[] body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [<!ENTITY lol "lol">]>
                <rss version="2.0"><channel><title>t</title><item><title>&lol;</title></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(PlainXmlDocument.suits(body, null)).isTrue();
        assertThat(PlainXmlDocument.build(body, NO_DEADLINE)).isNull();
        assertThatThrownBy(() -> FeedParser.parse(body, null, URL, System.nanoTime() + 10_000_000_000L))
                .isInstanceOf(RefusedFeedException.class);
    }

    @Test
    @DisplayName("The plain path gives up at its deadline with the same message as the repairing path")
    void deadline() {
        byte[] body = Fixtures.bytes("rss20-basic.xml");
        assertThatThrownBy(() -> FeedParser.parse(body, null, URL, System.nanoTime() - 1))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("parse abandoned");
    }

    @Test
    @DisplayName("Dates are taken over on the tree: an item's pubDate arrives as our ISO instant, read back by the parser")
    void datesRewrittenOnTheTree() throws Exception {
        byte[] body = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                <item><title>a</title><pubDate>Fri, 17 Oct 25 06:45 +0200</pubDate><dc:date><![CDATA[2025-10-17]]></dc:date></item>
                </channel></rss>
                """.getBytes(StandardCharsets.UTF_8);
        org.jdom2.Document document = PlainXmlDocument.build(body, NO_DEADLINE);
        org.jdom2.Element item = document.getRootElement().getChild("channel").getChild("item");
        org.jdom2.Element pubDate = item.getChild("pubDate", org.jdom2.Namespace.getNamespace(DateRewriter.NAMESPACE));
        assertThat(pubDate.getText()).isEqualTo("2025-10-17T04:45:00Z");
        // CDATA is left for Rome, as the text form leaves it
        assertThat(item.getChild("date", org.jdom2.Namespace.getNamespace("http://purl.org/dc/elements/1.1/"))).isNotNull();
        ParsedFeed parsed = FeedParser.parse(body, null, URL, System.nanoTime() + 10_000_000_000L);
        assertThat(parsed.items().get(0).published()).isEqualTo(java.time.Instant.parse("2025-10-17T04:45:00Z"));
    }

    @Test
    @DisplayName("Elements Rome only sets aside (media:, itunes:, ...) are dropped before Rome; everything it reads stays")
    void foreignMarkupIsPruned() throws Exception {
        byte[] rss = """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:x="urn:example:annotations">
                <channel><title>t</title><x:note>n</x:note>
                <item><title>Summit &amp; talks</title><media:thumbnail url="https://img.example/1.jpg"/><x:score>3</x:score>
                <dc:creator>Jane Doe</dc:creator><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
                <link>https://news.example/a</link></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);
        org.jdom2.Document document = PlainXmlDocument.build(rss, NO_DEADLINE);
        org.jdom2.Element channel = document.getRootElement().getChild("channel");
        org.jdom2.Element item = channel.getChild("item");
        assertThat(item.getChildren().stream().map(org.jdom2.Element::getQualifiedName))
                .containsExactly("title", "dc:creator", "content:encoded", "link");
        assertThat(channel.getChildren().stream().map(org.jdom2.Element::getQualifiedName)).containsExactly("title", "item");
        assertThat(FeedParser.parse(rss, null, URL, System.nanoTime() + 10_000_000_000L))
                .isEqualTo(FeedParser.parseRepairing(rss, null, URL, System.nanoTime() + 10_000_000_000L));

        byte[] atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>a</title><id>urn:f</id>
                <entry><id>urn:e</id><title>Talks</title><media:group><media:title>m</media:title></media:group>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Kept <b>whole</b></p></div></content>
                <link href="https://news.example/b"/><updated>2025-10-17T06:45:00Z</updated></entry></feed>
                """.getBytes(StandardCharsets.UTF_8);
        ParsedFeed plain = FeedParser.parse(atom, null, URL, System.nanoTime() + 10_000_000_000L);
        assertThat(plain).isEqualTo(FeedParser.parseRepairing(atom, null, URL, System.nanoTime() + 10_000_000_000L));
        assertThat(plain.items().get(0).content()).contains("Kept").contains("whole");
    }

    @Test
    @DisplayName("Elements nested 200,000 deep: neither strict path builds the tree, the lenient recovery still gives the item")
    void deepNesting() throws Exception {
        int depth = 200_000;
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><item><title>deep</title><x>");
        xml.append("<y>".repeat(depth)).append("</y>".repeat(depth));
        xml.append("</x><link>https://news.example/d</link></item></channel></rss>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(PlainXmlDocument.build(body, NO_DEADLINE)).isNull();
        ParsedFeed parsed = FeedParser.parse(body, null, URL, System.nanoTime() + 60_000_000_000L);
        assertThat(parsed.items()).singleElement().satisfies(item -> assertThat(item.title()).isEqualTo("deep"));
        assertThat(parsed.notes()).anySatisfy(note -> assertThat(note).contains("strict parse failed").contains("257"));
    }

    @Test
    @DisplayName("Nesting up to the limit is plain XML")
    void nestingAtTheLimit() throws Exception {
        String inner = "<y>".repeat(FeedParser.MAX_ELEMENT_DEPTH - 4) + "</y>".repeat(FeedParser.MAX_ELEMENT_DEPTH - 4);
        byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><item><title>ok</title><x>" + inner + "</x></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PlainXmlDocument.build(body, NO_DEADLINE)).isNotNull();
    }
}
