package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.detect.Hit;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.alerts.testing.Articles;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchMatcher;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The burst samples do what samples/burst/README.md promises, as far as this module can check: read at
 * one instant (undated items take the fetch time), they open the default {@code tomahawk} query watch.
 */
class SamplesBurstTest {

    record Item(String title, String description, String link) {
    }

    @Test
    @DisplayName("samples/burst: items carry no pubDate, come from five domains, and open the default tomahawk watch")
    void burstOpensTomahawk() throws Exception {
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "burst"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                items.addAll(read(f.toFile()));
            }
        }
        assertThat(items.stream().map(i -> URI.create(i.link()).getHost().replaceFirst("^www\\.", "")).distinct()).hasSize(5);

        AlertsSettings settings = AlertsSettings.defaults();
        WatchValidator validator = new WatchValidator(settings.watchDefaults(), Topics.defaults());
        Watch tomahawk = WatchFile.load(Path.of("..", "config", "watches.yaml")).stream()
                .filter(w -> w.id().equals("tomahawk")).map(validator::validate).findFirst().orElseThrow();
        InMemoryDetection detection = settings.inMemoryDetection(List.of(tomahawk));
        Instant fetchedAt = Instant.parse("2026-11-26T15:01:00Z");
        List<Alert> alerts = new ArrayList<>();
        try (WatchMatcher matcher = WatchMatcher.of(tomahawk)) {
            int n = 0;
            for (Item i : items) {
                String domain = URI.create(i.link()).getHost().replaceFirst("^www\\.", "");
                EnrichedArticle a = Articles.article("s" + n++, domain, i.title() + "\n" + i.description(), fetchedAt, List.of());
                boolean matches = matcher.matches(withSummary(a, i.description()));
                alerts.addAll(detection.article(new Hit(a.article().id(), fetchedAt, domain, domain, null, i.title(), i.link()),
                        matches ? List.of(tomahawk.id()) : List.of()));
            }
        }
        alerts.addAll(detection.finish(fetchedAt.plus(Duration.ofHours(1))));
        assertThat(alerts).extracting(Alert::status).startsWith(AlertStatus.OPENED);
        assertThat(alerts.getFirst().distinctSources()).isGreaterThanOrEqualTo(3);
    }

    private static EnrichedArticle withSummary(EnrichedArticle a, String summary) {
        var x = a.article();
        var article = new io.newswatch.core.Article(x.schemaVersion(), x.id(), x.feedUrl(), x.sourceName(), x.sourceDomain(),
                x.title().split("\n")[0], summary, x.link(), x.canonicalLink(), x.guid(), x.authors(), x.categories(), x.language(),
                x.publishedAt(), x.fetchedAt(), x.eventTime(), x.eventTimeSource());
        return new EnrichedArticle(a.schemaVersion(), article, a.tags(), a.entities(), a.storyId(), a.taxonomyVersion(), a.enrichedAt());
    }

    private static List<Item> read(File f) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = dbf.newDocumentBuilder().parse(f);
        NodeList nodes = doc.getElementsByTagName("item");
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            assertThat(e.getElementsByTagName("pubDate").getLength()).as("%s item %d has no pubDate", f, i).isZero();
            out.add(new Item(text(e, "title"), text(e, "description"), text(e, "link")));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
