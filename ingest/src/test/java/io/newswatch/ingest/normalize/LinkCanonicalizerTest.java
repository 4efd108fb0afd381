package io.newswatch.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkCanonicalizerTest {

    @Test
    @DisplayName("tracking parameters are removed, others kept in order; fragment dropped; host and scheme lower-cased")
    void canonical() {
        assertThat(LinkCanonicalizer.canonical(
                "HTTPS://WWW.Example.COM:443/World/Story?utm_source=rss&id=7&fbclid=x&gclid=y&page=2&at_medium=RSS#comments"))
                .isEqualTo("https://www.example.com/World/Story?id=7&page=2");
        assertThat(LinkCanonicalizer.canonical("http://example.com:8080?utm_campaign=a")).isEqualTo("http://example.com:8080/");
    }

    @Test
    @DisplayName("relative links resolve against a base; non-http links are dropped")
    void resolve() {
        assertThat(LinkCanonicalizer.resolve("../b/c", "https://example.com/a/feed.xml")).isEqualTo("https://example.com/b/c");
        assertThat(LinkCanonicalizer.resolve("//cdn.example.com/x", "https://example.com/")).isEqualTo("https://cdn.example.com/x");
        assertThat(LinkCanonicalizer.resolve("javascript:alert(1)", "https://example.com/")).isNull();
        assertThat(LinkCanonicalizer.resolve("/relative-without-base", null)).isNull();
        assertThat(LinkCanonicalizer.resolve("https://example.com/a b", null)).isEqualTo("https://example.com/a%20b");
    }

    @Test
    @DisplayName("host is the lower-case host without www. (the namespace of GUID ids), not the registrable domain")
    void host() {
        assertThat(LinkCanonicalizer.host("https://www.reuters.com/world/")).isEqualTo("reuters.com");
        assertThat(LinkCanonicalizer.host("https://feeds.bbci.co.uk/news")).isEqualTo("feeds.bbci.co.uk");
        assertThat(LinkCanonicalizer.host(null)).isNull();
    }

    @Test
    @DisplayName("resolveAll gives what resolve, canonical and host give one after the other")
    void resolveAllAgreesWithTheSeparateSteps() {
        String base = "https://Example.com/a/feed.xml";
        for (String link : new String[] {"../b/c?utm_source=x&id=1#top", "HTTPS://WWW.Example.COM.:443/x", "//cdn.example.com/x",
                "javascript:alert(1)", "https://example.com/a b", "http://[::1]:80/v6", "https:opaque", "", null, "mailto:a@b.c",
                "https://user@host.example:8443/p;q?a=1;utm_medium=2"}) {
            String resolved = LinkCanonicalizer.resolve(link, base);
            String canonical = LinkCanonicalizer.canonical(resolved);
            assertThat(LinkCanonicalizer.resolveAll(link, base)).as(link)
                    .isEqualTo(new LinkCanonicalizer.ResolvedLink(resolved, canonical, LinkCanonicalizer.host(canonical)));
        }
    }
}
