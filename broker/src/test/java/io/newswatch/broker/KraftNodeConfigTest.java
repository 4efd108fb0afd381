package io.newswatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KraftNodeConfig")
class KraftNodeConfigTest {

    @Test
    @DisplayName("a combined node with a static single-voter quorum on the controller listener")
    void combinedNode() {
        Properties p = KraftNodeConfig.properties(Path.of("/data/kafka"), "127.0.0.1", 9092, "127.0.0.1", 9093);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", "/data/kafka");
    }

    @Test
    @DisplayName("internal topics fit one node, so consumer groups and transactions work")
    void singleNodeInternalTopics() {
        Properties p = KraftNodeConfig.properties(Path.of("/d"), "127.0.0.1", 9092, "127.0.0.1", 9093);

        assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    @DisplayName("a wildcard host listens everywhere but advertises, and runs the controller on, loopback")
    void wildcardHost() {
        assertThat(KraftNodeConfig.advertisedHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(KraftNodeConfig.controllerHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(KraftNodeConfig.advertisedHost("10.0.0.5")).isEqualTo("10.0.0.5");
    }
}
