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
        return Map.ofEntries(
                Map.entry("kafka.bootstrap-servers", bootstrapServers),
                Map.entry("kafka.topic-prefix", topics.prefix()),
                Map.entry("app.data-dir", dataDir.toString()),
                Map.entry("ingest.feeds", String.join(",", feedUrls)),
                Map.entry("ingest.min-interval", "1s"),
                Map.entry("ingest.max-interval", "1s"),
                Map.entry("enrich.taxonomy", "../config/taxonomy.yaml"),
                Map.entry("enrich.gazetteer", "../config/gazetteer"),
                Map.entry("alerts.watches-file", watchesFile),
                // A handful of articles on six partitions: most partitions are quiet, and this lets them go soon.
                Map.entry("enrich.idle-after", "2s"));
    }
}
