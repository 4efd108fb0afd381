package io.newswatch.alerts.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.core.LearnedBaseline;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import io.newswatch.core.WatchSubject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchValidatorTest {

    final WatchValidator validator = new WatchValidator(AlertsSettings.defaults().watchDefaults(), Topics.defaults());

    static WatchInput entity(String id, String entity) {
        return new WatchInput(0, id, null, null, null, entity, null, null, null, null, null, null, null, null, null, null);
    }

    static WatchInput with(String field, Object value) {
        WatchInput w = entity("hu", "country:HU");
        return new WatchInput(0, w.id(), null,
                field.equals("query") ? (String) value : null,
                field.equals("tag") ? (String) value : null,
                field.equals("query") || field.equals("tag") ? null : w.entity(),
                field.equals("bucket") ? (Duration) value : null,
                field.equals("baseline") ? (Duration) value : null,
                field.equals("sensitivity") ? (Double) value : null,
                field.equals("minArticles") ? (Integer) value : null,
                field.equals("minSources") ? (Integer) value : null,
                field.equals("cooldown") ? (Duration) value : null,
                field.equals("outputTopic") ? (String) value : null,
                field.equals("webhookUrl") ? (String) value : null,
                null, null);
    }

    @Test
    @DisplayName("fills every left-out field from the defaults and describes the watch")
    void fillsDefaults() {
        Watch w = validator.validate(entity("hu", "country:HU"));
        assertThat(w.bucket()).isEqualTo(Duration.ofMinutes(10));
        assertThat(w.baseline()).isEqualTo(Duration.ofDays(7));
        assertThat(w.sensitivity()).isEqualTo(2.5);
        assertThat(w.minArticles()).isEqualTo(5);
        assertThat(w.minSources()).isEqualTo(3);
        assertThat(w.cooldown()).isEqualTo(Duration.ofHours(1));
        assertThat(w.enabled()).isTrue();
        assertThat(w.description()).isEqualTo("entity country:HU");
        assertThat(w.subject()).isEqualTo(new WatchSubject.Entity("country:HU"));
        assertThat(w.outputTopic()).isNull();
        assertThat(w.webhookUrl()).isNull();
        assertThat(w.learned()).isNull();
    }

    @Test
    @DisplayName("a checked watch as stored on the topic checks again to the same watch, its learned baseline kept")
    void storedFormChecksToItself() {
        LearnedBaseline learned = new LearnedBaseline(Duration.ofDays(7), 2.0, 900.0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-20T00:00:00Z"));
        Watch w = validator.validate(with("outputTopic", "desk.hungary")).withLearned(learned);
        WatchInput stored = w.toInput();
        assertThat(stored.schemaVersion()).isEqualTo(WatchInput.SCHEMA_VERSION);
        assertThat(stored.entity()).isEqualTo("country:HU");
        assertThat(stored.query()).isNull();
        assertThat(validator.validate(stored)).isEqualTo(w);
    }

    @Test
    @DisplayName("blank subject fields count as missing; the one given is trimmed")
    void subjectTrimmed() {
        WatchInput spaced = new WatchInput(0, "x", null, " ", " summit ", null, null, null, null, null, null, null, null, null, null,
                null);
        assertThat(validator.validate(spaced).subject()).isEqualTo(new WatchSubject.Tag("summit"));
        assertThat(validator.validate(spaced).description()).isEqualTo("tag summit");
    }

    @Test
    @DisplayName("a bad learned baseline is refused naming the field")
    void badLearned() {
        WatchInput w = entity("hu", "country:HU");
        LearnedBaseline backwards = new LearnedBaseline(Duration.ofDays(7), 2.0, 900.0, Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
        WatchInput withLearned = new WatchInput(0, w.id(), null, null, null, w.entity(), null, null, null, null, null, null, null, null,
                null, backwards);
        assertThatThrownBy(() -> validator.validate(withLearned)).hasMessageContaining("field 'learned'").hasMessageContaining("watch 'hu'");
    }

    @Test
    @DisplayName("a query watch compiles with the rule engine; a broken query is refused naming the field")
    void queryCompiles() {
        assertThat(validator.validate(with("query", "tomahawk*")).subject()).isEqualTo(new WatchSubject.Query("tomahawk*"));
        assertThatThrownBy(() -> validator.validate(with("query", "(tomahawk AND")))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("field 'query'")
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("query"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "bucket, PT10S",
            "bucket, P2D",
            "baseline, PT15M",
            "baseline, P365D",
            "sensitivity, 0.5",
            "minArticles, 0",
            "minSources, -1",
            "cooldown, P60D",
            "outputTopic, bad topic!",
            "outputTopic, news.articles.enriched",
            "webhookUrl, ftp://example.com/hook",
            "webhookUrl, not a url",
            "tag, Arms Transfer",
    })
    @DisplayName("an out-of-range or malformed field is refused with a message naming that field")
    void refusesBadField(String field, String text) {
        Object value = switch (field) {
            case "bucket", "baseline", "cooldown" -> Duration.parse(text);
            case "sensitivity" -> Double.parseDouble(text);
            case "minArticles", "minSources" -> Integer.parseInt(text);
            default -> text;
        };
        assertThatThrownBy(() -> validator.validate(with(field, value)))
                .isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("field '" + field + "'")
                .hasMessageContaining("watch 'hu'");
    }

    @Test
    @DisplayName("exactly one of query, tag and entity")
    void exactlyOneKind() {
        assertThatThrownBy(() -> validator.validate(new WatchInput(0, "x", null, "a*", "summit", null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("query/tag/entity");
        assertThatThrownBy(() -> validator.validate(new WatchInput(0, "x", null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("query/tag/entity");
    }

    @Test
    @DisplayName("ids are short and safe; a webhook error never repeats the URL (it may hold a secret)")
    void idAndWebhookSecrecy() {
        assertThatThrownBy(() -> validator.validate(entity("has space", "country:HU"))).hasMessageContaining("field 'id'");
        assertThatThrownBy(() -> validator.validate(with("webhookUrl", "ftp://user:s3cret@example.com/hook")))
                .hasMessageNotContaining("s3cret");
        assertThat(validator.validate(with("webhookUrl", "https://hooks.example.com/T1/B2/xyz")).webhookUrl())
                .isEqualTo("https://hooks.example.com/T1/B2/xyz");
    }

    @Test
    @DisplayName("the alert topic as output topic is accepted and dropped (alerts go there anyway)")
    void outputTopicAlerts() {
        assertThat(validator.validate(with("outputTopic", "news.alerts")).outputTopic()).isNull();
        assertThat(validator.validate(with("outputTopic", "desk.hungary")).outputTopic()).isEqualTo("desk.hungary");
    }

    @Test
    @DisplayName("under a topic prefix (a backtest), a watch's output topic gets the prefix too, once")
    void outputTopicUnderThePrefix() {
        WatchValidator backtest = new WatchValidator(AlertsSettings.defaults().watchDefaults(), new Topics("bt-1."));
        Watch validated = backtest.validate(with("outputTopic", "desk.hungary"));
        assertThat(validated.outputTopic()).isEqualTo("bt-1.desk.hungary");
        assertThat(backtest.validate(validated.toInput()).outputTopic()).as("validating again keeps it").isEqualTo("bt-1.desk.hungary");
        assertThat(backtest.validate(with("outputTopic", "bt-1.news.alerts")).outputTopic()).isNull();
    }
}
