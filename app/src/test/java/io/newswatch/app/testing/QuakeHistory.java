package io.newswatch.app.testing;

import io.newswatch.core.Article;
import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.EventTimeSource;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import io.newswatch.eventtime.Watermark;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stored history for the tests of {@code watch test} and {@code watch add}: three weeks of enriched articles (a steady stream
 * of unrelated news, two earthquake headlines a day, and on one afternoon a burst of 24 from 8 outlets within 50 minutes), with
 * enrich's watermark records at the end, as enrich would have written them.
 */
public final class QuakeHistory {

    public static final LocalDate FIRST_DAY = LocalDate.parse("2023-06-05"); // a Monday
    public static final int DAYS = 21;
    /** The burst: day 16 (Wednesday 2023-06-21), 14:00 to 14:50 UTC. */
    public static final Instant BURST = at(16, 14, 0);
    public static final int BURST_ARTICLES = 24;
    private static final int PARTITIONS = 3;

    private QuakeHistory() {
    }

    /** Creates {@code topic} (3 partitions, kept forever) and writes the history to it. */
    public static void store(String bootstrapServers, String topic) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
        }
        JsonSerde<EnrichedArticle> enriched = RecordSerdes.ENRICHED_ARTICLE;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle a : history()) {
                producer.send(new ProducerRecord<>(topic, null, a.article().eventTime().toEpochMilli(), a.article().id(),
                        enriched.serialize(topic, a)));
            }
            for (int partition = 0; partition < PARTITIONS; partition++) {
                // What enrich broadcasts to every enriched partition: a watermark, not an article.
                producer.send(new ProducerRecord<>(topic, partition, at(DAYS, 0, 0).toEpochMilli(), Watermark.KEY, null,
                        Watermark.downstreamHeaders(at(DAYS, 0, 0).toEpochMilli())));
            }
            producer.flush();
        }
    }

    /** 72 unrelated articles a day from 6 outlets, 2 earthquake headlines a day, and the burst. */
    static List<EnrichedArticle> history() {
        List<EnrichedArticle> out = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (int i = 0; i < 72; i++) {
                out.add(article("bg-" + d + "-" + i, "Markets steady as traders wait, update " + i, at(d, 0, 20 * i), i % 6));
            }
            out.add(article("q-" + d + "-a", "Small earthquake felt in the hills, day " + d, at(d, 9, 0), d % 6));
            out.add(article("q-" + d + "-b", "Earthquake drill held in schools, day " + d, at(d, 15, 0), (d + 3) % 6));
        }
        for (int i = 0; i < BURST_ARTICLES; i++) {
            out.add(article("burst-" + i, "Strong earthquake hits the coast, report " + i, BURST.plusSeconds(125L * i), i % 8));
        }
        return out;
    }

    private static EnrichedArticle article(String id, String title, Instant t, int outlet) {
        String host = "outlet" + outlet + ".example";
        String link = "https://" + host + "/" + id;
        Article a = new Article(Article.SCHEMA_VERSION, id, "https://" + host + "/feed.xml", "Outlet " + outlet, host, title, "", link,
                link, null, List.of(), List.of(), "en", t, t, t, EventTimeSource.PUBLISHED);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a, List.of(), List.of(), "s-" + id, "test", t);
    }

    public static Instant at(int day, int hour, int minute) {
        return FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L + minute * 60L);
    }

}
