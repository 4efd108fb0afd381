package io.newswatch.alerts.watch;

import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the watches topic from the watches file at start. The file is the declared configuration: each of
 * its watches is written when it is missing from the topic or differs from it; watches added with
 * {@code newswatch watch add} under other ids are left alone. Every watch in the file is validated first,
 * so a bad file stops the start with a message naming the watch and the field, before anything is written.
 */
public final class WatchBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(WatchBootstrap.class);

    private WatchBootstrap() {
    }

    /**
     * Returns the watches written (empty when the topic already agreed with the file, or there is no file). The watches
     * topic must exist: the pipeline provisions it with every other topic before the stages start.
     */
    public static List<Watch> seed(Path watchesFile, WatchDefaults defaults, Properties clientProperties, Topics topics) {
        if (!Files.isRegularFile(watchesFile)) {
            LOG.info("no watches file at {}: the watches topic is used as it is", watchesFile);
            return List.of();
        }
        WatchValidator validator = new WatchValidator(defaults, topics);
        List<Watch> wanted = WatchFile.load(watchesFile).stream().map(validator::validate).toList();
        List<Watch> written = new ArrayList<>();
        try (WatchStore store = new WatchStore(clientProperties, topics)) {
            Map<String, WatchInput> current = store.list(Duration.ofSeconds(30));
            for (Watch w : wanted) {
                WatchInput live = current.get(w.id());
                // A baseline learned by `watch add` stays: the file declares what to watch, not what was learned of it.
                if (live != null && w.learned() == null && live.learned() != null) {
                    w = w.withLearned(live.learned());
                }
                if (!w.toInput().equals(live)) {
                    written.add(store.put(w));
                }
            }
        }
        LOG.info("watches file {}: {} watches, {} written to {}", watchesFile, wanted.size(), written.size(), topics.watches());
        return written;
    }
}
