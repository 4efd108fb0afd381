package io.newswatch.alerts.watch;

import io.newswatch.alerts.detect.StreamVolume;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import io.newswatch.core.WatchSubject;
import io.newswatch.rules.Rule;
import io.newswatch.rules.RuleMatcher;
import io.newswatch.rules.RuleSyntaxException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a watch as given ({@link WatchInput}: a watches file, command-line flags, a record of the watches topic) into a
 * checked {@link Watch}, field by field, filling the fields it leaves out from the defaults. Every refusal is an
 * {@link InvalidWatchException} naming the watch and the field, so {@code newswatch watch add} and a bad watches.yaml
 * say exactly what to fix. A watch that passes is safe to hand to the detector.
 */
public final class WatchValidator {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    static final Pattern ENTITY = Pattern.compile("[a-z]+:[A-Za-z0-9._-]{1,100}");
    static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Buckets are whole numbers of the stream-volume slot, which a watch's share is computed against. */
    static final Duration MIN_BUCKET = Duration.ofMillis(StreamVolume.SLOT_MS);
    static final Duration MAX_BUCKET = Duration.ofDays(1);
    /** The baseline is the mean age of the history a watch's share is learned from: shorter would learn a story as normal. */
    static final Duration MIN_BASELINE = Duration.ofDays(1);
    static final Duration MAX_BASELINE = Duration.ofDays(90);
    static final Duration MAX_COOLDOWN = Duration.ofDays(30);

    private final WatchDefaults defaults;
    private final Topics topics;

    public WatchValidator(WatchDefaults defaults, Topics topics) {
        this.defaults = defaults;
        this.topics = topics;
    }

    /** The pipeline's topics, which a watch's output topic is checked against. */
    public Topics topics() {
        return topics;
    }

    /** The checked watch with defaults filled in, or an {@link InvalidWatchException} naming the watch and its first bad field. */
    public Watch validate(WatchInput w) {
        if (w == null) {
            throw new InvalidWatchException(null, "id", "is missing: the watch is empty");
        }
        String id = w.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidWatchException(id, "id",
                    "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit; got '" + id + "'");
        }
        WatchSubject subject = w.subject();
        if (subject == null) {
            throw new InvalidWatchException(id, "query/tag/entity", "exactly one of query, tag and entity must be set, got "
                    + WatchSubject.count(w.query(), w.tag(), w.entity()));
        }
        checkSubject(id, subject);

        Duration bucket = orDefault(w.bucket(), defaults.bucket());
        if (bucket.compareTo(MIN_BUCKET) < 0 || bucket.compareTo(MAX_BUCKET) > 0 || bucket.toMillis() % MIN_BUCKET.toMillis() != 0) {
            throw new InvalidWatchException(id, "bucket", "must be a multiple of 5m between 5m and 1d, got " + bucket);
        }
        Duration baseline = orDefault(w.baseline(), defaults.baseline());
        if (baseline.compareTo(MIN_BASELINE) < 0 || baseline.compareTo(MAX_BASELINE) > 0) {
            throw new InvalidWatchException(id, "baseline", "must be between 1d and 90d, got " + baseline);
        }
        double sensitivity = w.sensitivity() == null ? defaults.sensitivity() : w.sensitivity();
        if (!(sensitivity >= 1 && sensitivity <= 100)) {
            throw new InvalidWatchException(id, "sensitivity",
                    "must be between 1 and 100 (-log10 of a probability; 6 means one in a million), got " + sensitivity);
        }
        int minArticles = w.minArticles() == null ? defaults.minArticles() : w.minArticles();
        if (minArticles < 1 || minArticles > 100_000) {
            throw new InvalidWatchException(id, "minArticles", "must be between 1 and 100000, got " + minArticles);
        }
        int minSources = w.minSources() == null ? defaults.minSources() : w.minSources();
        if (minSources < 1 || minSources > 10_000) {
            throw new InvalidWatchException(id, "minSources", "must be between 1 and 10000, got " + minSources);
        }
        Duration cooldown = orDefault(w.cooldown(), defaults.cooldown());
        if (cooldown.isNegative() || cooldown.compareTo(MAX_COOLDOWN) > 0) {
            throw new InvalidWatchException(id, "cooldown", "must be between 0 and 30d, got " + cooldown);
        }
        String outputTopic = outputTopic(id, w.outputTopic());
        String webhook = blank(w.webhookUrl()) ? null : w.webhookUrl().trim();
        if (webhook != null) {
            try {
                webhookUri(webhook);
            } catch (IllegalArgumentException e) {
                throw new InvalidWatchException(id, "webhookUrl", e.getMessage());
            }
        }
        String description = blank(w.description()) ? subject.toString() : w.description().trim();
        LearnedBaseline learned = w.learned();
        if (learned != null) {
            checkLearned(id, learned);
        }
        return new Watch(id, description, subject, bucket, baseline, sensitivity, minArticles, minSources, cooldown, outputTopic,
                webhook, w.enabled() == null || w.enabled(), learned);
    }

    private static void checkSubject(String id, WatchSubject subject) {
        switch (subject) {
            case WatchSubject.Query query -> checkQuery(id, query.value());
            case WatchSubject.Tag tag when !TAG.matcher(tag.value()).matches() ->
                    throw new InvalidWatchException(id, "tag", "must be a taxonomy tag id like arms-transfer; got '" + tag.value() + "'");
            case WatchSubject.Entity entity when !ENTITY.matcher(entity.value()).matches() ->
                    throw new InvalidWatchException(id, "entity", "must be a gazetteer id like country:HU or person:vladimir-putin; got '"
                            + entity.value() + "'");
            default -> {
                // A well-formed tag or entity id.
            }
        }
    }

    /** The watch's output topic under the pipeline's prefix, or null when it has none or names the alerts topic itself. */
    private String outputTopic(String id, String given) {
        if (blank(given)) {
            return null;
        }
        // Under the pipeline's prefix like every other topic, so a backtest never writes into a live watch's topic.
        String outputTopic = topics.own(given.trim());
        if (!TOPIC.matcher(outputTopic).matches() || outputTopic.equals(".") || outputTopic.equals("..")) {
            throw new InvalidWatchException(id, "outputTopic", "is not a legal Kafka topic name (1-249 of a-z A-Z 0-9 . _ -): '"
                    + outputTopic + "'");
        }
        if (outputTopic.equals(topics.alerts())) {
            return null; // every alert goes there anyway
        }
        if (topics.all().contains(outputTopic)) {
            throw new InvalidWatchException(id, "outputTopic", "must not be one of the pipeline's own topics: '" + outputTopic + "'");
        }
        return outputTopic;
    }

    private static void checkLearned(String id, LearnedBaseline l) {
        if (l.baseline() == null || l.since() == null || l.asOf() == null) {
            throw new InvalidWatchException(id, "learned", "needs baseline, since and asOf");
        }
        if (!(l.stories() >= 0) || !(l.volume() > 0) || !Double.isFinite(l.stories()) || !Double.isFinite(l.volume())) {
            throw new InvalidWatchException(id, "learned", "stories must be >= 0 and volume > 0, got " + l.stories() + " and "
                    + l.volume());
        }
        if (l.since().isAfter(l.asOf())) {
            throw new InvalidWatchException(id, "learned", "since (" + l.since() + ") must not be after asOf (" + l.asOf() + ")");
        }
    }

    /** Parses a webhook URL: absolute http(s) with a host. The message never repeats the URL (it may hold a secret). */
    public static URI webhookUri(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http or https URL, got scheme '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("must name a host");
        }
        return uri;
    }

    private static void checkQuery(String id, String query) {
        if (query.length() > 2000) {
            throw new InvalidWatchException(id, "query", "is longer than 2000 characters");
        }
        try {
            RuleMatcher.validate(new Rule(id, query));
        } catch (RuleSyntaxException e) {
            throw new InvalidWatchException(id, "query", "does not parse: " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Duration orDefault(Duration d, Duration def) {
        return d == null ? def : d;
    }
}
