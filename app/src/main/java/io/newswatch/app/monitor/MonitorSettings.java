package io.newswatch.app.monitor;

import io.newswatch.core.Check;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;

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

    /** The port value that turns the server off; {@code off} is read as this too. */
    public static final int OFF = -1;

    public static final SettingsDef DEF = new SettingsDef("monitor");
    public static final Setting<String> HTTP_HOST = DEF.define("http.host", SettingType.STRING, "127.0.0.1",
            "interface of the /metrics, /health and /ready server");
    public static final Setting<Integer> HTTP_PORT = DEF.define("http.port", new SettingType<>(
            "a port between 0 and 65535, or -1 or off to serve nothing",
            text -> text.equalsIgnoreCase("off") ? OFF : Integer.parseInt(text), String::valueOf), 8080, Check.between(OFF, 65_535),
            "port of /metrics, /health and /ready; 0 picks a free one, -1 or off serves nothing");
    public static final Setting<Boolean> PER_FEED = DEF.define("metrics.per-feed", SettingType.BOOLEAN, true,
            "series per feed in /metrics besides the totals");

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
        return new MonitorSettings(settings.get(HTTP_HOST), port, settings.get(PER_FEED));
    }

    /** {@code http.port}, checked: a number from -1 to 65535, or {@code off}. */
    public static int port(Settings settings) {
        return settings.get(HTTP_PORT);
    }

    /** Settings that serve nothing. */
    public static MonitorSettings off() {
        return new MonitorSettings(HTTP_HOST.defaultValue().orElseThrow(), OFF, true);
    }

    public boolean enabled() {
        return port != OFF;
    }
}
