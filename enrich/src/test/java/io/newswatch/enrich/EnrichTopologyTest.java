package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.Article;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EntityMatch;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.core.Settings;
import io.newswatch.core.TagMatch;
import io.newswatch.core.Topics;
import io.newswatch.enrich.dedup.DuplicateFilter;
import io.newswatch.enrich.recent.TimeOrderedLog;
import io.newswatch.enrich.story.StoryIdAssigner;
import io.newswatch.enrich.taxonomy.Tagger;
import io.newswatch.enrich.taxonomy.Taxonomy;
import io.newswatch.enrich.taxonomy.TaxonomyLoader;
import io.newswatch.enrich.taxonomy.TaxonomyTagger;
import io.newswatch.eventtime.MergeInput;
import io.newswatch.eventtime.Watermark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final JsonSerde<Article> ARTICLES = RecordSerdes.ARTICLE;
    private static final JsonSerde<EnrichedArticle> ENRICHED = RecordSerdes.ENRICHED_ARTICLE;
    private static final Instant T0 = Instant.parse("2025-10-17T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-10-20T00:00:00Z");

    @TempDir
    Path stateDir;

    private final Topics topics = new Topics("test.");
    private final List<KeywordTagger> taggers = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        start(() -> {
            KeywordTagger tagger = KeywordTagger.armsAndSummits();
            taggers.add(tagger);
            return tagger;
        });
    }

    private void start(Supplier<Tagger> taggerSupplier) {
        if (driver != null) {
            driver.close();
        }
        EnrichSettings settings = EnrichSettings.from(Settings.of(Map.of(
                "kafka.topic-prefix", "test.",
                EnrichSettings.STATE_DIR.key(), stateDir.toString())));
        Properties base = new Properties();
        base.put("bootstrap.servers", "unused:9092");
        Properties props = EnrichTopology.streamsProperties(settings, base);
        driver = new TopologyTestDriver(EnrichTopology.build(settings, topics, MergeInput.of(1), taggerSupplier, Fixtures.shippedExtractor(),
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(topics.raw(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched(), new StringDeserializer(), ENRICHED);
        dlq = driver.createOutputTopic(topics.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The enriched topic once everything sent has been released: the wall clock moves past the idle time, the raw
     * partition counts as idle, and the event-time merge lets every waiting article go.
     */
    private List<TestRecord<String, EnrichedArticle>> flushed() {
        return flushedWithWatermarks().stream().filter(r -> !Watermark.isWatermark(r.key(), r.headers())).toList();
    }

    /** As {@link #flushed()}, with the merge's watermark records that enrich writes to the enriched topic too. */
    private List<TestRecord<String, EnrichedArticle>> flushedWithWatermarks() {
        driver.advanceWallClockTime(EnrichSettings.IDLE_AFTER.defaultValue().orElseThrow().plusSeconds(1));
        return enriched.readRecordsToList();
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(Article article) {
        raw.pipeInput(article.id().getBytes(StandardCharsets.UTF_8), ARTICLES.serialize(topics.raw(), article), article.eventTime());
    }

    private static Article article(String id, String title, String link, Instant time) {
        return Fixtures.article(id, title, "", link, null, time);
    }

    @Test
    @DisplayName("the seed article comes out keyed by id, at its event time, with the shipped taxonomy's tags, entities, story id and versions")
    void seedArticle() {
        // The tagger production builds: the shipped taxonomy, compiled once, one TaxonomyTagger per task.
        Taxonomy shipped = TaxonomyLoader.load(Path.of("..", "config", "taxonomy.yaml"));
        start(() -> TaxonomyTagger.of(shipped));
        Article seed = Fixtures.seedArticle();
        send(seed);

        List<TestRecord<String, EnrichedArticle>> all = flushed();
        assertThat(all).hasSize(1);
        TestRecord<String, EnrichedArticle> out = all.get(0);
        EnrichedArticle e = out.value();
        assertThat(out.key()).isEqualTo("seed-1");
        assertThat(out.timestamp()).isEqualTo(seed.eventTime().toEpochMilli());
        assertThat(e.article()).isEqualTo(seed);
        assertThat(e.tags()).extracting(TagMatch::id).contains("arms-transfer", "summit").doesNotContain("elections");
        assertThat(e.tags()).allSatisfy(tag -> assertThat(tag.evidence()).isNotEmpty());
        assertThat(e.entities()).extracting(EntityMatch::id).contains("person:donald-trump", "person:vladimir-putin",
                "person:volodymyr-zelensky", "country:UA", "country:RU", "country:US", "country:HU", "weapon:tomahawk");
        assertThat(e.entities()).allSatisfy(entity -> assertThat(entity.evidence()).isNotEmpty());
        assertThat(e.storyId()).matches("story-[0-9a-f]{16}");
        assertThat(e.taxonomyVersion()).isEqualTo(shipped.version() + "+gazetteer." + Fixtures.shippedExtractor().version());
        assertThat(e.enrichedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("after the articles, the merge's watermark goes to the enriched topic: no value, past everything written")
    void watermarkFollowsTheArticles() {
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/a1", T0));
        List<TestRecord<String, EnrichedArticle>> out = flushedWithWatermarks();
        assertThat(out).extracting(TestRecord::key).containsOnly("a1", Watermark.KEY).endsWith("a1", Watermark.KEY);
        TestRecord<String, EnrichedArticle> last = out.get(out.size() - 1);
        assertThat(last.value()).isNull();
        assertThat(Watermark.from(last.headers()).timeMs()).isGreaterThan(T0.toEpochMilli());
    }

    @Test
    @DisplayName("the same article id twice within the retention comes out once")
    void sameIdTwice() {
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/a1", T0));
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/a1", T0.plus(Duration.ofHours(3))));

        assertThat(flushed()).extracting(TestRecord::key).containsExactly("a1");
    }

    @Test
    @DisplayName("the same canonical link under a new id comes out once")
    void sameCanonicalLink() {
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/story", T0));
        send(article("a2", "Kremlin confirms call between Putin and Trump (updated)", "https://x.com/story", T0.plusSeconds(60)));

        assertThat(flushed()).extracting(TestRecord::key).containsExactly("a1");
    }

    @Test
    @DisplayName("the same GUID under a new id and link comes out once")
    void sameGuid() {
        send(Fixtures.article("a1", "Kremlin confirms call", "", "https://x.com/1", "tag:x.com,2025:story-77", T0));
        send(Fixtures.article("a2", "Kremlin confirms call", "", "https://x.com/2", "tag:x.com,2025:story-77", T0.plusSeconds(60)));

        assertThat(flushed()).extracting(TestRecord::key).containsExactly("a1");
    }

    @Test
    @DisplayName("the same id after the retention (7 days by default) passes again; articles of one time come out by id")
    void afterRetention() {
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/a1", T0));
        send(article("other", "Markets rally as oil prices slide for a third day", "https://x.com/o", T0.plus(Duration.ofDays(8))));
        send(article("a1", "Kremlin confirms call between Putin and Trump", "https://x.com/a1", T0.plus(Duration.ofDays(8))));

        assertThat(flushed()).extracting(TestRecord::key).containsExactly("a1", "a1", "other");
    }

    @Test
    @DisplayName("sweeps forget dedup sightings past the retention and story entries past the horizon once event time has moved that far")
    void sweepForgetsExpiredState() {
        send(article("old", "Kremlin confirms call between Putin and Trump", "https://x.com/old", T0));
        send(article("mid", "Port workers approve new wage deal after talks", "https://x.com/mid", T0.plus(Duration.ofDays(1))));
        flushed();
        KeyValueStore<Bytes, byte[]> sightings = driver.getKeyValueStore(DuplicateFilter.STORE);
        KeyValueStore<Bytes, byte[]> stories = driver.getKeyValueStore(StoryIdAssigner.STORE);
        assertThat(times(sightings)).containsExactly(T0, T0.plus(Duration.ofDays(1)));
        assertThat(times(stories)).containsExactly(T0, T0.plus(Duration.ofDays(1)));

        send(article("new", "Markets rally as oil prices slide for a third day", "https://x.com/new", T0.plus(Duration.ofDays(8))));
        flushed();

        assertThat(times(sightings)).as("within the 7 days").containsExactly(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8)));
        assertThat(times(stories)).as("only entries within the 48 h horizon").containsExactly(T0.plus(Duration.ofDays(8)));
    }

    /** Event times of the entries of a time-ordered log, in its order. */
    private static List<Instant> times(KeyValueStore<Bytes, byte[]> store) {
        List<Instant> times = new ArrayList<>();
        new TimeOrderedLog(store).forEach((time, id, value) -> times.add(Instant.ofEpochMilli(time)));
        return times;
    }

    @Test
    @DisplayName("syndicated copies of one story keep their own ids and share the first article's story id")
    void nearDuplicates() {
        String summary = "Russian President Vladimir Putin asked U.S. President Donald Trump not to supply Tomahawk cruise missiles"
                + " to Ukraine during a phone call on Thursday, the Kremlin said.";
        send(Fixtures.article("wire-1", "Putin urges Trump not to send Tomahawks to Ukraine", summary, "https://a.com/1", null, T0));
        send(Fixtures.article("copy-2", "Putin urges Trump not to send Tomahawks to Ukraine - Reuters", summary, "https://b.com/2", null,
                T0.plusSeconds(600)));
        send(Fixtures.article("other-3", "Earthquake of magnitude 6.1 strikes eastern Turkey",
                "A strong earthquake struck eastern Turkey on Monday, damaging buildings.", "https://c.com/3", null, T0.plusSeconds(700)));

        Map<String, EnrichedArticle> out = flushed().stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value));
        assertThat(out).containsOnlyKeys("wire-1", "copy-2", "other-3");
        assertThat(out.get("copy-2").storyId()).isEqualTo(out.get("wire-1").storyId());
        assertThat(out.get("other-3").storyId()).isNotEqualTo(out.get("wire-1").storyId());
    }

    @Test
    @DisplayName("garbage bytes go to the DLQ with the original bytes and headers, and the next good record is still enriched")
    void garbageToDeadLetters() {
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("bad-key".getBytes(StandardCharsets.UTF_8), garbage, T0);
        send(article("good", "Kremlin confirms call between Putin and Trump", "https://x.com/good", T0.plusSeconds(1)));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.key()).isEqualTo("bad-key".getBytes(StandardCharsets.UTF_8));
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.timestamp()).isEqualTo(T0.toEpochMilli());
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
        assertThat(header(h, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.raw());
        assertThat(header(h, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(h, DeadLetterHeaders.ERROR_MESSAGE)).contains("cannot read Article");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(flushed()).extracting(TestRecord::key).containsExactly("good");
        assertThat(driver.metrics().entrySet()).anySatisfy(m -> {
            assertThat(m.getKey().name()).isEqualTo("dead-letters-total");
            assertThat(m.getValue().metricValue()).isEqualTo(1.0);
        });
    }

    @Test
    @DisplayName("JSON without an article id, and a tombstone, are dead letters too")
    void invalidArticles() {
        raw.pipeInput("k1".getBytes(StandardCharsets.UTF_8), "{\"title\":\"no id\"}".getBytes(StandardCharsets.UTF_8), T0);
        raw.pipeInput("k2".getBytes(StandardCharsets.UTF_8), null, T0);

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("tombstone");
        assertThat(flushed()).isEmpty();
    }

    @Test
    @DisplayName("a record the tagger fails on goes to the DLQ with the tagger's error, and the tagger is closed with the topology")
    void taggerFailure() {
        start(() -> {
            KeywordTagger tagger = new KeywordTagger(Map.of()) {
                @Override
                public List<TagMatch> tag(String text) {
                    if (text.contains("poison")) {
                        throw new IllegalStateException("rule blew up on this text");
                    }
                    return super.tag(text);
                }
            };
            taggers.add(tagger);
            return tagger;
        });
        send(article("p", "poison headline here today", "https://x.com/p", T0));
        send(article("ok", "harmless headline here today", "https://x.com/ok", T0.plusSeconds(1)));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(header(dead.headers(), DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("rule blew up on this text");
        assertThat(flushed()).extracting(TestRecord::key).containsExactly("ok");
        driver.close();
        driver = null;
        assertThat(taggers).last().extracting(KeywordTagger::closed).isEqualTo(true);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
