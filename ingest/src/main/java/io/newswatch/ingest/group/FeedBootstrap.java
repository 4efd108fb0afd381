package io.newswatch.ingest.group;

import io.newswatch.core.Topics;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.registry.FeedRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the feeds topic from the configured feed lists ({@code ingest.feeds}: OPML, YAML, directories, files, URLs) at
 * start, so that editing the lists works as it always did: each configured feed is written when it is missing from the
 * topic or named differently there, and a feed that seeding put there and that the lists no longer hold is removed.
 * Feeds added with {@code newswatch feeds add} are the user's: seeding never removes them (a feed both configured and
 * added by hand counts as the user's). When a list cannot be read, nothing is removed (a missing OPML file must not
 * remove its feeds). Give every instance the same lists: instances seeding at once then write the same records, which is
 * harmless, whereas an instance with other lists would remove the feeds the others seeded.
 */
public final class FeedBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(FeedBootstrap.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private FeedBootstrap() {
    }

    /** What seeding changed on the topic. */
    public record Seeded(List<FeedSource> written, List<String> removed) {
    }

    /** Brings the topic in line with the configured lists (see above); the topic must exist. */
    public static Seeded seed(IngestSettings settings, Properties clientProperties, Topics topics) {
        FeedRegistry.Loaded loaded = FeedRegistry.load(settings.feeds());
        for (FeedProblem problem : loaded.problems()) {
            LOG.warn("feed list: {}", problem.cause());
        }
        List<FeedSource> written = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try (FeedCatalog catalog = new FeedCatalog(clientProperties, topics)) {
            FeedCatalog.Listing current = catalog.listing(READ_TIMEOUT);
            Set<String> configured = new HashSet<>();
            for (FeedSource feed : loaded.sources()) {
                configured.add(feed.location());
                if (!Objects.equals(current.feeds().get(feed.location()), feed)) {
                    catalog.put(feed, FeedCatalog.Origin.CONFIG);
                    written.add(feed);
                }
            }
            if (loaded.problems().isEmpty()) {
                for (String location : current.fromConfig()) {
                    if (!configured.contains(location)) {
                        catalog.remove(location);
                        removed.add(location);
                        LOG.info("feed {}: no longer in ingest.feeds; removed from {}", FeedSource.of(location).displayName(),
                                topics.feeds());
                    }
                }
            } else if (current.fromConfig().stream().anyMatch(l -> !configured.contains(l))) {
                LOG.warn("ingest.feeds: some feed lists could not be read, so feeds no longer listed are left on {} for now",
                        topics.feeds());
            }
            LOG.info("ingest.feeds: {} feeds configured; {} written to {}, {} removed", loaded.sources().size(), written.size(),
                    topics.feeds(), removed.size());
        }
        return new Seeded(written, removed);
    }
}
