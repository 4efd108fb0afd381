package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourceDomainTest {

    @Test
    @DisplayName("hosts of one outlet give one registrable domain, under one- and two-label public suffixes")
    void registrableDomain() {
        assertThat(SourceDomain.of("bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(SourceDomain.of("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(SourceDomain.of("www.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(SourceDomain.of("feeds.bbci.co.uk")).isEqualTo("bbci.co.uk");
        assertThat(SourceDomain.of("edition.cnn.com")).isEqualTo("cnn.com");
        assertThat(SourceDomain.of("www.lemonde.fr")).isEqualTo("lemonde.fr");
        assertThat(SourceDomain.of("www.abc.net.au")).isEqualTo("abc.net.au");
        assertThat(SourceDomain.of("www.spiegel.de")).isEqualTo("spiegel.de");
        assertThat(SourceDomain.of("news_desk.example.com")).as("an underscore, as real hosts have").isEqualTo("example.com");
    }

    @Test
    @DisplayName("case and a trailing dot do not make another source")
    void normalForm() {
        assertThat(SourceDomain.of("Edition.CNN.com.")).isEqualTo("cnn.com");
        assertThat(SourceDomain.of("  www.LeMonde.fr ")).isEqualTo("lemonde.fr");
    }

    @Test
    @DisplayName("private suffixes of the list count: each blog on a hosting service is its own source")
    void privateSuffixes() {
        assertThat(SourceDomain.of("someblog.blogspot.com")).isEqualTo("someblog.blogspot.com");
        assertThat(SourceDomain.of("www.someblog.blogspot.com")).isEqualTo("someblog.blogspot.com");
        assertThat(SourceDomain.of("otherblog.blogspot.com")).isNotEqualTo(SourceDomain.of("someblog.blogspot.com"));
        assertThat(SourceDomain.of("reporter.github.io")).isEqualTo("reporter.github.io");
    }

    @Test
    @DisplayName("hosts the list cannot reduce stay whole (without www.): IP addresses, localhost, unknown suffixes, a suffix itself")
    void keptWhole() {
        assertThat(SourceDomain.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SourceDomain.of("[2001:db8::1]")).isEqualTo("[2001:db8::1]");
        assertThat(SourceDomain.of("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(SourceDomain.of("localhost")).isEqualTo("localhost");
        assertThat(SourceDomain.of("news.intranet.corp")).isEqualTo("news.intranet.corp");
        assertThat(SourceDomain.of("www.coast-news.example")).isEqualTo("coast-news.example");
        assertThat(SourceDomain.of("blogspot.com")).isEqualTo("blogspot.com");
        assertThat(SourceDomain.of("co.uk")).isEqualTo("co.uk");
        assertThat(SourceDomain.of("-not-a-name-.example.com")).isEqualTo("-not-a-name-.example.com");
    }

    @Test
    @DisplayName("no host, no domain")
    void absent() {
        assertThat(SourceDomain.of(null)).isNull();
        assertThat(SourceDomain.of(" ")).isNull();
    }
}
