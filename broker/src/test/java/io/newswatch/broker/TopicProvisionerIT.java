package io.newswatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.Settings;
import io.newswatch.core.TopicLayout;
import io.newswatch.core.TopicProvisioner;
import io.newswatch.core.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("TopicProvisioner on the embedded broker")
class TopicProvisionerIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();
    private static Admin admin;

    @BeforeAll
    static void start() {
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    @DisplayName("creates every missing topic with the layout's partitions and configs; a second run creates nothing")
    void createsMissingTopics() throws Exception {
        Topics topics = new Topics("fresh.");
        TopicLayout layout = TopicLayout.defaults(topics);

        TopicProvisioner.Report first = new TopicProvisioner(admin).provision(layout);

        assertThat(first.created()).containsExactlyElementsOf(topics.all());
        assertThat(first.existing()).isEmpty();
        Map<String, TopicDescription> described = admin.describeTopics(topics.all()).allTopicNames().get();
        assertThat(described.get(topics.raw()).partitions()).hasSize(6);
        assertThat(described.get(topics.alerts()).partitions()).hasSize(3);
        assertThat(described.get(topics.watches()).partitions()).hasSize(1);
        assertThat(configValue(topics.watches(), "cleanup.policy")).isEqualTo("compact");
        assertThat(configValue(topics.dlq(), "retention.ms")).isEqualTo(Long.toString(14 * 86_400_000L));
        assertThat(described.get(topics.history()).partitions()).hasSize(6);
        assertThat(configValue(topics.history(), "cleanup.policy")).isEqualTo("compact");

        TopicProvisioner.Report second = new TopicProvisioner(admin).provision(layout);

        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyElementsOf(topics.all());
        assertThat(second.partitionMismatches()).isEmpty();
    }

    @Test
    @DisplayName("an existing topic with another partition count is reported and left unchanged")
    void reportsPartitionMismatch() throws Exception {
        Topics topics = new Topics("resized.");
        broker.createTopic(topics.raw(), 2, Map.of());

        Properties clientProperties = new Properties();
        clientProperties.put("bootstrap.servers", broker.bootstrapServers());

        TopicProvisioner.Report report = TopicProvisioner.provision(clientProperties, TopicLayout.defaults(topics));

        assertThat(report.partitionMismatches()).containsExactly(new TopicProvisioner.PartitionMismatch(topics.raw(), 6, 2));
        assertThat(report.created()).doesNotContain(topics.raw()).hasSize(topics.all().size() - 1);
        assertThat(admin.describeTopics(List.of(topics.raw())).allTopicNames().get().get(topics.raw()).partitions()).hasSize(2);
    }

    @Test
    @DisplayName("a topic the cluster refuses fails with the topic's name and the reason")
    void refusedTopicNamesTheTopic() {
        TopicLayout layout = TopicLayout.from(Settings.of(Map.of("topics.replication-factor", "3")), new Topics("refused."));

        assertThatThrownBy(() -> new TopicProvisioner(admin).provision(layout))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused.news.articles.raw")
                .hasMessageContaining("replication factor 3");
    }

    private static String configValue(String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(key).value();
    }
}
