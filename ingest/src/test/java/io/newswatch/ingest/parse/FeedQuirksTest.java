package io.newswatch.ingest.parse;

import static io.newswatch.ingest.Fixtures.FETCHED_AT;
import static io.newswatch.ingest.Fixtures.articles;
import static io.newswatch.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.ingest.Fixtures;
import io.newswatch.ingest.extract.ArticleExtractor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One fixture feed per real-world quirk, through the whole bytes-to-articles path. */
class FeedQuirksTest {

    @Test
    @DisplayName("RSS 2.0: plain text, canonical link without utm_* and fragment, GUID id, author name from e-mail form")
    void rss20() throws Exception {
        List<Article> a = articles("rss20-basic.xml");
        assertThat(a).hasSize(2);
        Article first = a.get(0);
        assertThat(first.title()).isEqualTo("Summit set for Budapest");
        assertThat(first.canonicalLink()).isEqualTo("https://fixture.example.com/a?id=7");
        assertThat(first.guid()).isEqualTo("fx-1");
        assertThat(first.id()).startsWith("g-").hasSize(34);
        assertThat(first.authors()).containsExactly("Jane Doe");
        assertThat(first.categories()).containsExactly("Diplomacy");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.sourceName()).isEqualTo("Fixture feed");
        assertThat(first.sourceDomain()).isEqualTo("example.com");
        assertThat(first.id()).as("GUID id from the host, as before").isEqualTo("g-92f3df5a86861080bee6f63c82b52bc2");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-10-17T06:45:00Z"));
        assertThat(first.eventTime()).isEqualTo(first.publishedAt());
        assertThat(first.eventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(first.fetchedAt()).isEqualTo(FETCHED_AT);
    }

    @Test
    @DisplayName("RSS 0.91 with the Netscape DOCTYPE and ISO-8859-1 parses (DOCTYPE dropped, never fetched)")
    void rss091() throws Exception {
        List<Article> a = articles("rss091-doctype.xml");
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("Café tax protest");
            assertThat(x.summary()).isEqualTo("Levy of £4 a night.");
            assertThat(x.language()).isEqualTo("en");
        });
    }

    @Test
    @DisplayName("RSS 1.0 (RDF) with dc:date, dc:creator, dc:subject and dc:language")
    void rss10() throws Exception {
        assertThat(articles("rss10-rdf.xml")).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("Gipfel in Budapest geplant");
            assertThat(x.publishedAt()).isEqualTo(Instant.parse("2025-10-17T09:20:00Z"));
            assertThat(x.authors()).containsExactly("Lena Marsh");
            assertThat(x.categories()).containsExactly("Gipfel");
            assertThat(x.language()).isEqualTo("de");
        });
    }

    @Test
    @DisplayName("Atom 1.0: HTML title as text, relative link resolved against xml:base, xml:lang, id as GUID")
    void atom10() throws Exception {
        assertThat(articles("atom10-xmlbase.xml")).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("Pentagon weighs Tomahawk stockpile");
            assertThat(x.summary()).isEqualTo("Hundreds fired.");
            assertThat(x.link()).isEqualTo("https://atom.example.org/news/2025/10/tomahawk");
            assertThat(x.guid()).isEqualTo("tag:atom.example.org,2025:8812");
            assertThat(x.publishedAt()).isEqualTo(Instant.parse("2025-10-16T18:02:00Z"));
            assertThat(x.authors()).containsExactly("Daniel Whitcombe");
            assertThat(x.categories()).containsExactly("missiles");
            assertThat(x.language()).isEqualTo("en");
        });
    }

    @Test
    @DisplayName("Atom 1.0: host-relative links with a self link at the site root do not gain Rome's 'null' segment")
    void atom10HostRelativeLinksWithRootSelfLink() throws Exception {
        assertThat(articles("atom10-root-self-host-relative.xml")).extracting(Article::link).containsExactly(
                "https://ramparts.example.org/procurement/2025/10/tomahawk-stockpile-review",
                "https://ramparts.example.org/land/2025/10/k2");
    }

    @Test
    @DisplayName("Atom 0.3 parses")
    void atom03() throws Exception {
        assertThat(articles("atom03.xml")).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("Old-format entry");
            assertThat(x.link()).isEqualTo("https://atom03.example.org/e1");
            assertThat(x.publishedAt()).isEqualTo(Instant.parse("2025-10-16T12:00:00Z"));
        });
    }

    @Test
    @DisplayName("encodings: UTF-8 BOM, UTF-16 BOM, HTTP-only windows-1251, XML-only KOI8-R, Shift_JIS and GB2312")
    void encodings() throws Exception {
        assertThat(articles("bom-utf8.xml").get(0).title()).isEqualTo("Zürich talks — day two");
        assertThat(articles("utf16le-bom.xml").get(0).title()).isEqualTo("Київ talks");
        assertThat(articles("windows1251-http-only.xml", "https://fixture.example.com/ru", "windows-1251").get(0).title())
                .isEqualTo("Переговоры в Стамбуле");
        assertThat(articles("koi8r-declared.xml").get(0).title()).isEqualTo("Переговоры в Стамбуле");
        assertThat(articles("shiftjis-declared.xml").get(0).title()).isEqualTo("首脳会談が開催");
        assertThat(articles("gb2312-declared.xml").get(0).title()).isEqualTo("峰会在布达佩斯举行");
    }

    @Test
    @DisplayName("windows-1252 bytes in a feed declared UTF-8 become the right characters")
    void cp1252() throws Exception {
        assertThat(articles("cp1252-served-as-utf8.xml").get(0).title()).isEqualTo("“Substantive” call – Kremlin");
    }

    @Test
    @DisplayName("undeclared HTML entities (&nbsp; &eacute; &mdash;) decode; whitespace collapses")
    void htmlEntities() throws Exception {
        Article a = articles("html-entities.xml").get(0);
        assertThat(a.title()).isEqualTo("Café talks resume — again");
        assertThat(a.summary()).isEqualTo("Price: £4 & rising …");
    }

    @Test
    @DisplayName("unescaped ampersands in text and links are kept as text")
    void bareAmpersands() throws Exception {
        Article a = articles("bare-ampersands.xml").get(0);
        assertThat(a.title()).isEqualTo("AT&T and Procter & Gamble");
        assertThat(a.link()).isEqualTo("https://fixture.example.com/s?a=1&b=2");
        assertThat(a.summary()).isEqualTo("Q&A: what next?");
    }

    @Test
    @DisplayName("HTML in titles and summaries (CDATA, escaped, double-escaped) becomes plain text; scripts vanish")
    void htmlInText() throws Exception {
        List<Article> a = articles("html-and-cdata.xml");
        assertThat(a.get(0).title()).isEqualTo("Breaking: Strikes on Kyiv");
        assertThat(a.get(0).summary()).isEqualTo("First & second third");
        assertThat(a.get(1).title()).isEqualTo("Escaped HTML title & double-escaped");
        assertThat(a.get(1).summary()).isEqualTo("Para");
    }

    @Test
    @DisplayName("relative and protocol-relative links resolve against the feed URL")
    void relativeLinks() throws Exception {
        List<Article> a = articles("relative-links.xml", "https://fixture.example.com/feeds/world.xml", null);
        assertThat(a.get(0).link()).isEqualTo("https://fixture.example.com/world/2025/rel-1");
        assertThat(a.get(1).link()).isEqualTo("https://cdn.fixture.example.com/p");
    }

    @Test
    @DisplayName("missing guid, link or date: hash id, canonical-link id, permalink guid as link, empty items skipped")
    void missingFields() throws Exception {
        List<Article> a = articles("missing-fields.xml");
        assertThat(a).hasSize(4);
        assertThat(a.get(0).id()).startsWith("h-");
        assertThat(a.get(0).link()).isNull();
        assertThat(a.get(0).publishedAt()).isNull();
        assertThat(a.get(0).eventTime()).isEqualTo(FETCHED_AT);
        assertThat(a.get(0).eventTimeSource()).isEqualTo(EventTimeSource.FETCHED);
        assertThat(a.get(1).id()).startsWith("u-");
        assertThat(a.get(1).canonicalLink()).isEqualTo("https://fixture.example.com/only-link");
        assertThat(a.get(2).title()).isEqualTo("Description only, no title at all");
        assertThat(a.get(3).link()).isEqualTo("https://fixture.example.com/from-guid");
        assertThat(a.get(3).id()).startsWith("u-");
    }

    @Test
    @DisplayName("fifteen date variants land on the right instant (to the millisecond); an unreadable date falls back to fetch time")
    void dates() throws Exception {
        List<Article> a = articles("date-variants.xml");
        assertThat(a).hasSize(16);
        for (int i = 0; i < 14; i++) {
            Instant expected = Instant.parse(i == 9 ? "2025-10-17T06:45:00.123Z" : "2025-10-17T06:45:00Z"); // 9 has a fraction
            assertThat(a.get(i).publishedAt()).as(a.get(i).title()).isEqualTo(expected);
        }
        assertThat(a.get(14).publishedAt()).isEqualTo(Instant.parse("2025-10-17T14:45:00Z")); // PST
        assertThat(a.get(15).publishedAt()).isNull();
        assertThat(a.get(15).eventTimeSource()).isEqualTo(EventTimeSource.FETCHED);
    }

    @Test
    @DisplayName("a date in the future or absurdly old is kept as published but the event time is the fetch time")
    void implausibleDates() throws Exception {
        List<Article> a = articles("future-and-ancient-dates.xml");
        assertThat(a).allSatisfy(x -> {
            assertThat(x.publishedAt()).isNotNull();
            assertThat(x.eventTime()).isEqualTo(FETCHED_AT);
            assertThat(x.eventTimeSource()).isEqualTo(EventTimeSource.FETCHED);
        });
    }

    @Test
    @DisplayName("a body cut off mid-item yields the complete items before the cut, with a note")
    void truncated() throws Exception {
        ArticleExtractor.Extraction x = ArticleExtractor.direct(Fixtures.settings())
                .extract(bytes("truncated.xml"), null, "https://t.example/f", "https://t.example/f", null, FETCHED_AT);
        assertThat(x.articles()).extracting(Article::title).startsWith("Story 0", "Story 1", "Story 2");
        assertThat(x.feed().notes()).anyMatch(n -> n.contains("recovered"));
    }

    @Test
    @DisplayName("mismatched tags are recovered leniently")
    void mismatched() throws Exception {
        assertThat(articles("mismatched-tags.xml")).extracting(Article::link)
                .contains("https://fixture.example.com/m2");
    }

    @Test
    @DisplayName("control characters are removed, leading whitespace before the declaration tolerated")
    void controlAndWhitespace() throws Exception {
        assertThat(articles("control-chars.xml").get(0).title()).isEqualTo("Bell and NUL removed too");
        assertThat(articles("leading-whitespace.xml").get(0).title()).isEqualTo("Whitespace before the declaration");
    }

    @Test
    @DisplayName("billion laughs and external entities are refused, naming the reason")
    void xmlBombs() {
        assertThatThrownBy(() -> articles("billion-laughs.xml")).isInstanceOf(RefusedFeedException.class)
                .hasMessageContaining("billion laughs");
        assertThatThrownBy(() -> articles("xxe-external-entity.xml")).isInstanceOf(RefusedFeedException.class)
                .hasMessageContaining("XXE");
    }

    @Test
    @DisplayName("an external DTD is dropped, never fetched; the undefined entity stays literal text")
    void externalDtd() throws Exception {
        assertThat(articles("external-dtd.xml").get(0).title()).isEqualTo("Only &undefined; here");
    }

    @Test
    @DisplayName("an HTML page is rejected as not a feed")
    void htmlPage() {
        assertThatThrownBy(() -> articles("html-page.html")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML page");
    }

    @Test
    @DisplayName("a parse past its deadline is abandoned with a clear message")
    void deadline() {
        assertThatThrownBy(() -> FeedParser.parse(bytes("rss20-basic.xml"), null, "https://x.example/", System.nanoTime() - 1))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("abandoned");
    }

    @Test
    @DisplayName("the bounded parser abandons a parse that outlives its timeout")
    void boundedTimeout() {
        StringBuilder big = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        for (int i = 0; i < 40_000; i++) {
            big.append("<item><title>Item ").append(i).append(" &amp; more</title><link>https://b.example/").append(i)
                    .append("</link></item>");
        }
        big.append("</channel></rss>");
        try (BoundedFeedParser parser = new BoundedFeedParser(1, 4, java.time.Duration.ofMillis(1))) {
            assertThatThrownBy(() -> parser.parse(big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "https://b.example/"))
                    .isInstanceOf(FeedParseException.class).hasMessageContaining("abandoned");
        }
    }

    @Test
    @DisplayName("Rome itself refuses DOCTYPEs by default (defence in depth behind XmlRepair)")
    void romeRefusesDoctypes() {
        com.rometools.rome.io.SyndFeedInput input = new com.rometools.rome.io.SyndFeedInput();
        assertThat(input.isAllowDoctypes()).isFalse();
        for (String bomb : List.of("billion-laughs.xml", "xxe-external-entity.xml")) {
            assertThatThrownBy(() -> input.build(new java.io.StringReader(new String(bytes(bomb), java.nio.charset.StandardCharsets.UTF_8))))
                    .as(bomb).isInstanceOf(com.rometools.rome.io.FeedException.class);
        }
    }
}
