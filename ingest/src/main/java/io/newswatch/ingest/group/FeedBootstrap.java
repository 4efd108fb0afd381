package io.newswatch.ingest.group;

import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.registry.FeedRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the feeds topic from the configured feed lists ({@code ingest.feeds}: OPML, YAML, directories, files, URLs)
 * at start, as the watches topic is seeded from the watches file: each configured feed is written when it is missing
 * from the topic or named differently there; feeds added with {@code newswatch feeds add} are left alone, and a feed
 * taken out of the lists stays on the topic until {@code newswatch feeds remove} (the topic, not the file, is what
 * the instances poll). Several instances seeding at once write the same records, which is harmless.
 */
public final class FeedBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(FeedBootstrap.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private FeedBootstrap() {
    }

    /** Returns the feeds written (empty when the topic already had every configured feed). The topic must exist. */
    public static List<FeedSource> seed(IngestSettings settings, Properties clientProperties, Topics topics) {
        FeedRegistry.Loaded loaded = FeedRegistry.load(settings.feeds());
        for (FeedProblem problem : loaded.problems()) {
            LOG.warn("feed list: {}", problem.cause());
        }
        List<FeedSource> written = new ArrayList<>();
        try (FeedCatalog catalog = new FeedCatalog(clientProperties, topics)) {
            Map<String, FeedSource> current = catalog.list(READ_TIMEOUT);
            for (FeedSource feed : loaded.sources()) {
                if (!Objects.equals(current.get(feed.location()), feed)) {
                    catalog.put(feed);
                    written.add(feed);
                }
            }
            LOG.info("ingest.feeds: {} feeds configured, {} written to {} ({} feeds there now)", loaded.sources().size(), written.size(),
                    topics.feeds(), current.size() + written.stream().filter(f -> !current.containsKey(f.location())).count());
        }
        return written;
    }
}
