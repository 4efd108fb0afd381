package io.newswatch.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The feed the parse benchmark reads: the large real-world feed in ../shared/data/feeds (read by path at
 * run time, never copied into the project) when it is there, else a generated feed of similar size and
 * shape. Override with {@code -Dnewswatch.bench.feed=/path/to/feed.xml}.
 */
final class BenchFeed {

    static final String SHARED = "../shared/data/feeds/reuters_official_msn.xml";

    /** The bytes and where they came from, for the report. */
    record Loaded(byte[] bytes, String origin) {
    }

    private BenchFeed() {
    }

    static Loaded load() {
        String chosen = System.getProperty("newswatch.bench.feed");
        Path path = Path.of(chosen != null ? chosen : SHARED);
        if (Files.isRegularFile(path)) {
            try {
                return new Loaded(Files.readAllBytes(path), path.toAbsolutePath().normalize().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.err.println("bench: " + path + " not found; using a generated feed of 100 items (about 370 KB)");
        return new Loaded(generated(100), "generated: 100 RSS 2.0 items with escaped-HTML content:encoded");
    }

    /** An RSS 2.0 feed shaped like a wire feed: dc:creator, categories, escaped HTML description and content. */
    static byte[] generated(int items) {
        StringBuilder sb = new StringBuilder(items * 3800);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Generated wire</title>"
                + "<link>https://wire.example.com/</link><description>bench</description><language>en</language>\n");
        Instant t = Instant.parse("2025-10-17T12:00:00Z");
        String paragraph = "&lt;p&gt;Ukraine&amp;#39;s president is expected to urge Washington to approve the sale of long-range"
                + " missiles, while European ministers agreed a new sanctions package and mediators met in Cairo.&lt;/p&gt;";
        for (int i = 0; i < items; i++) {
            sb.append("<item><title>Story ").append(i).append(": leaders meet as talks on the summit resume</title>")
                    .append("<link>https://wire.example.com/world/story-").append(i).append("?utm_source=rss</link>")
                    .append("<guid isPermaLink=\"false\">wire-").append(i).append("</guid>")
                    .append("<dc:creator>Staff</dc:creator><category>World</category>")
                    .append("<pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(t.minusSeconds(600L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(paragraph).append("</description><content:encoded>")
                    .append(paragraph.repeat(20)).append("</content:encoded></item>\n");
        }
        sb.append("</channel></rss>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
