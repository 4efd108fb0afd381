package io.newswatch.app.tail;

import io.newswatch.core.Alert;
import io.newswatch.core.Article;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.FeedStatus;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import io.newswatch.core.WatchInput;
import io.newswatch.core.WatchSubject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Records as a person reads them: an article as time, source, title and link; an enriched article with
 * its tags and entities; an alert as the alerts module words it. A record that does not decode as its
 * topic's type is shown as its raw text, never dropped.
 */
public final class TextFormat implements RecordFormat {


    private final Topics topics;
    private final Function<Alert, String> alertText;

    /** @param alertText how an alert reads, e.g. the alerts module's {@code AlertText::readable} */
    public TextFormat(Topics topics, Function<Alert, String> alertText) {
        this.topics = topics;
        this.alertText = alertText;
    }

    @Override
    public String format(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        try {
            if (topic.equals(topics.raw())) {
                return article(topics.rawArticles().value(record.value()));
            }
            if (topic.equals(topics.enriched())) {
                return enriched(topics.enrichedArticles().value(record.value()));
            }
            if (topic.equals(topics.alerts())) {
                return alertText.apply(topics.alertEvents().value(record.value()));
            }
            if (topic.equals(topics.watches())) {
                return watch(text(record.key()), topics.watchTable().value(record.value()));
            }
            if (topic.equals(topics.feedStatus())) {
                return feedStatus(text(record.key()), topics.feedStatusRecords().value(record.value()));
            }
            if (topic.equals(topics.dlq())) {
                return deadLetter(record);
            }
        } catch (RuntimeException undecodable) {
            return raw(record) + "   (not readable as a record of " + topic + ": " + undecodable.getMessage() + ")";
        }
        return raw(record);
    }

    private static String article(Article a) {
        return String.join("  ", time(a.eventTime()), orDash(a.sourceDomain()), a.title(), orDash(a.link()));
    }

    private static String enriched(EnrichedArticle e) {
        StringBuilder line = new StringBuilder(article(e.article()));
        if (!e.tags().isEmpty()) {
            line.append("\n    tags: ").append(e.tags().stream().map(TextFormat::tag).collect(Collectors.joining("; ")));
        }
        if (!e.entities().isEmpty()) {
            line.append("\n    entities: ").append(e.entities().stream().map(TextFormat::entity).collect(Collectors.joining("; ")));
        }
        if (e.storyId() != null) {
            line.append("\n    story: ").append(e.storyId());
        }
        return line.toString();
    }

    static String tag(TagMatch t) {
        return t.id() + " " + t.evidence();
    }

    static String entity(EntityMatch e) {
        return e.name() + " (" + e.id() + ") " + e.evidence();
    }

    private static String watch(String key, WatchInput w) {
        if (w == null) {
            return key + ": removed";
        }
        WatchSubject subject = w.subject();
        String what = subject == null ? "(not one of query, tag and entity: the alerts stage ignores it)" : subject.toString();
        return key + ": " + what + (w.description() == null ? "" : "  (" + w.description() + ")")
                + (Boolean.FALSE.equals(w.enabled()) ? "  [disabled]" : "");
    }

    /** {@code 2026-11-29T09:01:13Z  FAILING  https://example.com/rss  (Example)  5 polls in a row failed; last: ...} */
    private static String feedStatus(String key, FeedStatus s) {
        if (s == null) {
            return key + ": removed";
        }
        return String.join("  ", time(s.reportedAt()), s.health().name(), s.feed() + (s.name() == null ? "" : "  (" + s.name() + ")"),
                orDash(s.reason()));
    }

    private static String deadLetter(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder line = new StringBuilder(time(Instant.ofEpochMilli(record.timestamp())));
        line.append("  from ").append(header(record, DeadLetterHeaders.SOURCE_TOPIC))
                .append('/').append(header(record, DeadLetterHeaders.SOURCE_PARTITION))
                .append('@').append(header(record, DeadLetterHeaders.SOURCE_OFFSET))
                .append(" (").append(header(record, DeadLetterHeaders.STAGE)).append("): ")
                .append(header(record, DeadLetterHeaders.ERROR_CLASS)).append(": ")
                .append(header(record, DeadLetterHeaders.ERROR_MESSAGE));
        return line.toString();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "?" : text(h.value());
    }

    private static String raw(ConsumerRecord<byte[], byte[]> record) {
        return text(record.key()) + "  " + text(record.value());
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
