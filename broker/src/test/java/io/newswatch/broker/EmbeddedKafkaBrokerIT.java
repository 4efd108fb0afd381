package io.newswatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EmbeddedKafkaBroker")
class EmbeddedKafkaBrokerIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();

    @Test
    @DisplayName("a record produced with acks=all is consumed back with its key, value and timestamp")
    void roundTrip() throws Exception {
        String topic = "round-trip";
        broker.createTopic(topic, 2, Map.of("retention.ms", "604800000"));
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, null, 1_700_000_000_000L, "k1", "v1")).get();
        }
        List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers(), topic, "read_uncommitted", 1);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k1");
            assertThat(r.value()).isEqualTo("v1");
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L);
        });
    }

    @Test
    @DisplayName("a transactional producer commits: read_committed consumers see committed records, never aborted ones")
    void transactions() throws Exception {
        String topic = "transactions";
        broker.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers(), topic, "read_committed", 1);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    @DisplayName("creating a topic that exists is fine and leaves it as it was")
    void createTopicIsIdempotent() throws Exception {
        broker.createTopic("twice", 3, Map.of());
        broker.createTopic("twice", 5, Map.of("cleanup.policy", "compact"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var description = admin.describeTopics(List.of("twice")).allTopicNames().get().get("twice");
            assertThat(description.partitions()).hasSize(3);
        }
    }

    @Test
    @DisplayName("topics are not auto-created: producing to an unknown topic is refused")
    void noAutoCreation() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // A metadata request for an unknown topic is what used to trigger auto-creation.
            try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers(), "read_uncommitted")) {
                consumer.partitionsFor("typo-topic", Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException expected) {
                // also fine: the topic does not exist
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("typo-topic");
        }
    }

    @Test
    @DisplayName("a broker restarted on the same data directory keeps its cluster id and its records")
    void restartKeepsData(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            clusterId = first.clusterId();
            first.createTopic("durable", 1, Map.of());
            try (KafkaProducer<String, String> producer = producer(first.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>("durable", "k", "kept")).get();
            }
        }
        assertThat(Files.readString(dataDir.resolve("kafka").resolve("meta.properties"))).contains("cluster.id=" + clusterId);

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(readAll(second.bootstrapServers(), "durable", "read_uncommitted", 1))
                    .extracting(ConsumerRecord::value).containsExactly("kept");
        }
    }

    @Test
    @DisplayName("a port already in use fails the start with an error naming the address, and frees what it took")
    void portInUse(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
        // Nothing left holding the directory: a start on it now works.
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", 0)) {
            assertThat(again.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        return producer(broker.bootstrapServers(), extra);
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putAll(extra);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads until {@code expected} records arrived, then one more short poll to catch any surplus. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, String isolation, int expected) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, isolation)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }
}
