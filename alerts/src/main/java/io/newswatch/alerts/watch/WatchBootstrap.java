package io.newswatch.alerts.watch;

import io.newswatch.core.LearnedBaseline;
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

    /** As {@link #seed(Path, WatchDefaults, Properties, Topics, BaselineLearner)}, learning nothing. */
    public static List<Watch> seed(Path watchesFile, WatchDefaults defaults, Properties clientProperties, Topics topics) {
        return seed(watchesFile, defaults, clientProperties, topics, BaselineLearner.NONE);
    }

    /**
     * Returns the watches written (empty when the topic already agreed with the file, or there is no file). The watches
     * topic must exist: the pipeline provisions it with every other topic before the stages start.
     *
     * <p>A watch of the file that is new to the topic, or counts something else than the stored one, is handed to
     * {@code learner} first, so that it starts warm as one added with {@code newswatch watch add} does. A stored watch that
     * counts the same subject keeps the baseline it learned: the file declares what to watch, not what was learned of it.
     */
    public static List<Watch> seed(Path watchesFile, WatchDefaults defaults, Properties clientProperties, Topics topics,
                                   BaselineLearner learner) {
        if (!Files.isRegularFile(watchesFile)) {
            LOG.info("no watches file at {}: the watches topic is used as it is", watchesFile);
            return List.of();
        }
        WatchValidator validator = new WatchValidator(defaults, topics);
        List<Watch> wanted = WatchFile.load(watchesFile).stream().map(validator::validate).toList();
        List<Watch> written = new ArrayList<>();
        try (WatchStore store = new WatchStore(clientProperties, topics)) {
            Map<String, WatchInput> current = store.list(Duration.ofSeconds(30));
            List<Watch> kept = new ArrayList<>();
            List<Watch> toLearn = new ArrayList<>();
            for (Watch w : wanted) {
                // The stored watch as the alerts stage reads it (a bad stored record counts as absent: the file's replaces it).
                Watch live = checked(validator, current.get(w.id()));
                boolean sameSubject = live != null && live.subject().equals(w.subject());
                if (w.learned() == null && sameSubject && live.learned() != null) {
                    kept.add(w.withLearned(live.learned()));
                } else if (w.learned() == null && !sameSubject) {
                    toLearn.add(w);
                } else {
                    kept.add(w);
                }
            }
            Map<String, LearnedBaseline> learned = toLearn.isEmpty() ? Map.of() : learner.learn(toLearn);
            for (Watch w : toLearn) {
                kept.add(learned.containsKey(w.id()) ? w.withLearned(learned.get(w.id())) : w);
            }
            for (Watch w : kept) {
                if (!w.toInput().equals(current.get(w.id()))) {
                    written.add(store.put(w));
                }
            }
            if (!learned.isEmpty()) {
                LOG.info("watches file {}: {} of {} new or changed watches learned a baseline from stored history: {}", watchesFile,
                        learned.size(), toLearn.size(), learned.keySet());
            }
        }
        LOG.info("watches file {}: {} watches, {} written to {}", watchesFile, wanted.size(), written.size(), topics.watches());
        return written;
    }

    private static Watch checked(WatchValidator validator, WatchInput stored) {
        if (stored == null) {
            return null;
        }
        try {
            return validator.validate(stored);
        } catch (InvalidWatchException e) {
            LOG.warn("the stored watch {} is not valid ({}): the watches file's replaces it", stored.id(), e.getMessage());
            return null;
        }
    }
}
