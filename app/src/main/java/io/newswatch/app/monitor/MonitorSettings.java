package io.newswatch.app.monitor;

import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;

/**
 * Where a long-running process serves {@code /metrics}, {@code /health} and {@code /ready}, and how much it
 * puts in {@code /metrics}; documented in docs/CONFIGURATION-app.md and docs/OPERATIONS.md.
 *
 * @param host           interface the HTTP server binds to ({@code http.host}); loopback unless said otherwise,
 *                       because the endpoints carry no authentication
 * @param port           its port ({@code http.port}): 0 picks a free one, {@link #OFF} serves nothing
 * @param perFeedMetrics whether {@code /metrics} has series per feed ({@code metrics.per-feed}); the totals over
 *                       all feeds are always there. Off for tens of thousands of feeds, where per-feed series would
 *                       dwarf everything else a Prometheus server stores
 */
public record MonitorSettings(String host, int port, boolean perFeedMetrics) {

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String PER_FEED = "metrics.per-feed";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** The port value that turns the server off; {@code off} is read as this too. */
    public static final int OFF = -1;

    public MonitorSettings {
        if (port < OFF || port > 65_535) {
            throw new IllegalArgumentException("port must be -1 (off), 0 (any free port) or 1..65535, got " + port);
        }
    }

    public static MonitorSettings from(Settings settings) {
        return from(settings, port(settings));
    }

    /** As {@link #from(Settings)}, with the port decided by the caller (a replay ignores {@code http.port}). */
    public static MonitorSettings from(Settings settings, int port) {
        return new MonitorSettings(settings.string(HTTP_HOST, DEFAULT_HOST), port, settings.bool(PER_FEED, true));
    }

    /** {@code http.port}, checked: a number from -1 to 65535, or {@code off}. */
    public static int port(Settings settings) {
        if (settings.string(HTTP_PORT, "").trim().equalsIgnoreCase("off")) {
            return OFF;
        }
        int port = settings.integer(HTTP_PORT, DEFAULT_PORT);
        if (port < OFF || port > 65_535) {
            throw new SettingsException("config key " + HTTP_PORT + ": expected a port between 0 and 65535, or -1 or off to serve "
                    + "nothing, got " + port);
        }
        return port;
    }

    /** Settings that serve nothing. */
    public static MonitorSettings off() {
        return new MonitorSettings(DEFAULT_HOST, OFF, true);
    }

    public boolean enabled() {
        return port != OFF;
    }
}
