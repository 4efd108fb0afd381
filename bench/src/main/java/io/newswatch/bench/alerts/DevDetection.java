package io.newswatch.bench.alerts;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.detect.InMemoryDetection;
import io.newswatch.alerts.watch.WatchFile;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The detector run over the dev stream in memory, as the alerts stage would run it: its watches and its alert events. */
final class DevDetection {

    /**
     * How far past the stream's last article detection is closed: the longest window (1 day) and the quiet time before
     * RESOLVED (1 day) by default, plus a day, so that an alert still open at the end resolves as it would have.
     */
    private static final Duration CLOSE_AFTER = Duration.ofDays(3);

    private DevDetection() {
    }

    /** The watches of these files, checked and defaulted as the alerts stage would. */
    static List<Watch> watches(AlertsSettings settings, List<Path> files) {
        WatchValidator validator = new WatchValidator(settings.watchDefaults(), Topics.defaults());
        List<Watch> watches = new ArrayList<>();
        for (Path f : files) {
            WatchFile.load(f).forEach(w -> watches.add(validator.validate(w)));
        }
        return watches;
    }

    /** Every alert event the detector raises over the stream, fed article by article as the alerts stage feeds it. */
    static List<Alert> detect(InMemoryDetection detection, List<DevStream.Item> items) {
        List<Alert> alerts = new ArrayList<>();
        for (DevStream.Item item : items) {
            alerts.addAll(detection.article(item.hit(), item.watchIds()));
        }
        alerts.addAll(detection.finish(items.getLast().hit().eventTime().plus(CLOSE_AFTER)));
        return alerts;
    }
}
