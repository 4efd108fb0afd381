package io.newswatch.alerts.watch;

import java.time.Duration;

/** Values for the fields a watch leaves out ({@code alerts.defaults.*}), filled in by {@link WatchValidator}. */
public record WatchDefaults(Duration bucket, Duration baseline, double sensitivity, int minArticles, int minSources,
                            Duration cooldown) {
}
