package io.newswatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Kafka Streams exactly_once_v2 on the embedded broker")
class ExactlyOnceStreamsIT {

    @Test
    @DisplayName("a stateful exactly-once topology commits its output, visible to read_committed consumers")
    void exactlyOnceTopologyRuns(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
            broker.createTopic("eos-in", 2, Map.of());
            broker.createTopic("eos-out", 2, Map.of());

            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                    .groupByKey()
                    .count()
                    .toStream()
                    .mapValues(count -> Long.toString(count))
                    .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));

            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-it");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");

            try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
                streams.start();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                    producer.send(new ProducerRecord<>("eos-in", "a", "x"));
                    producer.send(new ProducerRecord<>("eos-in", "a", "y"));
                    producer.send(new ProducerRecord<>("eos-in", "b", "z")).get();
                }

                List<String> counts = new ArrayList<>();
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "eos-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(List.of("eos-out"));
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (counts.size() < 3 && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            counts.add(r.key() + "=" + r.value());
                        }
                    }
                }
                assertThat(counts).containsExactlyInAnyOrder("a=1", "a=2", "b=1");
            }
        }
    }
}
