package io.newswatch.app.testing;

import io.newswatch.core.Article;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A month of made-up world news for the event-time tests: background articles from 40 outlets, each title unique,
 * about two background mentions of Tomahawk missiles a day, and dense bursts (40 articles in 20 minutes from 12
 * outlets) on chosen days. Deterministic: the same seed gives the same articles.
 */
public final class GeneratedNews {

    private static final JsonSerde<Article> SERDE = RecordSerdes.ARTICLE;
    private static final String[] SUBJECTS = {"Parliament", "Central bank", "Port workers", "Farmers", "Court", "Ministry", "Airline",
        "University", "Energy firm", "Football club", "City council", "Museum", "Hospital", "Rail operator", "Tech start-up"};
    private static final String[] VERBS = {"approves", "delays", "announces", "rejects", "reviews", "expands", "cuts", "opens", "debates",
        "postpones"};
    private static final String[] OBJECTS = {"budget plan", "wage deal", "new rules", "summer timetable", "housing project", "tax reform",
        "climate targets", "pension changes", "exhibition", "merger talks", "school reform", "water prices"};

    private GeneratedNews() {
    }

    /**
     * @param start       first instant
     * @param days        how many days of news
     * @param perDay      background articles a day
     * @param burstDays   day indexes with a Tomahawk burst, at 14:00 UTC
     */
    public static List<Article> month(long seed, Instant start, int days, int perDay, int... burstDays) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Article> out = new ArrayList<>();
        int n = 0;
        long dayMs = Duration.ofDays(1).toMillis();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < perDay; i++) {
                Instant t = start.plusMillis(d * dayMs + random.nextLong(dayMs));
                String title = SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                        + OBJECTS[random.nextInt(OBJECTS.length)] + " in district " + (n % 997) + " (report " + n + ")";
                out.add(article("bg-" + n, title, "outlet" + random.nextInt(40), t));
                n++;
            }
            for (int i = 0; i < 2; i++) {
                Instant t = start.plusMillis(d * dayMs + random.nextLong(dayMs));
                out.add(article("tw-" + n, "Analysts weigh Tomahawk cruise missile costs, note " + n, "outlet" + random.nextInt(40), t));
                n++;
            }
        }
        for (int day : burstDays) {
            Instant burst = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(14));
            for (int i = 0; i < 40; i++) {
                Instant t = burst.plusSeconds(random.nextLong(20 * 60));
                // Each outlet writes its own headline (a real burst is many stories, not one syndicated copy).
                String title = "Tomahawk missiles for Kyiv: " + SUBJECTS[random.nextInt(SUBJECTS.length)] + " "
                        + VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)] + ", account " + i
                        + " of day " + day;
                out.add(article("burst-" + day + "-" + i, title, "burst" + (i % 12), t));
            }
        }
        out.sort(Comparator.comparing(Article::eventTime).thenComparing(Article::id));
        return out;
    }

    private static Article article(String id, String title, String outlet, Instant t) {
        String domain = outlet + ".example";
        String link = "https://" + domain + "/" + id;
        return new Article(Article.SCHEMA_VERSION, id, "https://" + domain + "/feed.xml", outlet, domain, title, "", link, link, null,
                List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED);
    }

    /** The partition Kafka's default partitioner gives the article's key. */
    public static int partitionOf(Article a, int partitions) {
        return Utils.toPositive(Utils.murmur2(a.id().getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Writes the articles to {@code topic}, keyed by id, partitioned as Kafka would, but one partition after another,
     * each whole: partition 0's month, then partition 1's month, and so on, so the partitions are as far apart in event
     * time as they can be.
     */
    public static void producePartitionByPartition(String bootstrap, String topic, int partitions, List<Article> articles) {
        Map<Integer, List<Article>> byPartition = new TreeMap<>();
        for (Article a : articles) {
            byPartition.computeIfAbsent(partitions == 1 ? 0 : partitionOf(a, partitions), k -> new ArrayList<>()).add(a);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            byPartition.forEach((partition, list) -> {
                for (Article a : list) {
                    producer.send(new ProducerRecord<>(topic, partition, a.eventTime().toEpochMilli(), a.id(), SERDE.serialize(topic, a)));
                }
                producer.flush();
            });
        }
    }
}
