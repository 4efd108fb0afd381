package io.newswatch.app.options;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.app.logging.LogFormat;
import io.newswatch.app.monitor.MonitorSettings;
import io.newswatch.app.runtime.AppSettings;
import io.newswatch.core.KafkaSettings;
import io.newswatch.core.SettingsCatalog;
import io.newswatch.core.StreamsApp;
import io.newswatch.core.TopicLayout;
import io.newswatch.enrich.EnrichSettings;
import io.newswatch.ingest.IngestSettings;
import java.util.List;
import java.util.Set;

/**
 * Every setting newswatch reads: each module's declarations, in the order docs/CONFIGURATION.md lists them. Every
 * command refuses keys outside it at start ({@link CommonOptions}), and ConfigurationDocsTest checks the docs against it.
 * A module with a new {@code SettingsDef} adds it here.
 */
public final class KnownSettings {

    /**
     * {@code NEWSWATCH_*} variables the launcher and logging read, not {@code Settings}: {@code bin/newswatch}'s JDK, JVM
     * options and build switch, and logback's level (see docs/CONFIGURATION-app.md).
     */
    static final Set<String> PROCESS_VARIABLES = Set.of("NEWSWATCH_LOG_LEVEL", "NEWSWATCH_JAVA_OPTS", "NEWSWATCH_SKIP_BUILD",
            "NEWSWATCH_JDK");

    public static final SettingsCatalog CATALOG = new SettingsCatalog(List.of(
            KafkaSettings.DEF, StreamsApp.DEF, AppSettings.DEF, MonitorSettings.DEF, LogFormat.DEF, TopicLayout.DEF,
            IngestSettings.DEF, EnrichSettings.DEF, AlertsSettings.DEF), PROCESS_VARIABLES);

    private KnownSettings() {
    }
}
