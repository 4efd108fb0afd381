package io.newswatch.app.testing;

import io.newswatch.core.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings the pipeline ITs start {@code newswatch run} with: an existing broker, their own topic prefix and
 * data directory, the feeds they serve polled every second, and the project's own taxonomy and gazetteer.
 */
public final class RunSettings {

    private RunSettings() {
    }

    /** {@code watchesFile} is where the alerts stage seeds its watches from (a missing file seeds none). */
    public static Map<String, String> of(String bootstrapServers, Topics topics, Path dataDir, List<String> feedUrls, String watchesFile) {
        return Map.of(
                "kafka.bootstrap-servers", bootstrapServers,
                "kafka.topic-prefix", topics.prefix(),
                "app.data-dir", dataDir.toString(),
                "ingest.feeds", String.join(",", feedUrls),
                "ingest.min-interval", "1s",
                "ingest.max-interval", "1s",
                "enrich.taxonomy", "../config/taxonomy.yaml",
                "enrich.gazetteer", "../config/gazetteer",
                "alerts.watches-file", watchesFile);
    }
}
