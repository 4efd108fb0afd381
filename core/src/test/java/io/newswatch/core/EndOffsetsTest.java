package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndOffsetsTest {

    private static final String TOPIC = "news.watches";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private static MockConsumer<String, String> consumerWithTwoPartitions() {
        MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 1, node, null, null),
                new PartitionInfo(TOPIC, 0, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    @Test
    @DisplayName("reads every partition from the beginning to the end it had when the read started")
    void readsToCurrentEnd() {
        MockConsumer<String, String> consumer = consumerWithTwoPartitions();
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 1L));

        assertThat(EndOffsets.assignFromBeginning(consumer, TOPIC, Duration.ofSeconds(1))).containsExactly(P0, P1);
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "a", "1"));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "b", "2"));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 0, "c", "3"));
        List<String> read = new ArrayList<>();

        assertThat(EndOffsets.readToEnd(consumer, Duration.ofSeconds(5), r -> read.add(r.value()))).isTrue();
        assertThat(read).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    @DisplayName("gives up, saying so, when the end is not reached in time")
    void timesOut() {
        MockConsumer<String, String> consumer = consumerWithTwoPartitions();
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 0L));
        EndOffsets.assignFromBeginning(consumer, TOPIC, Duration.ofSeconds(1));

        assertThat(EndOffsets.readToEnd(consumer, Duration.ofMillis(300), r -> { })).isFalse();
    }

    @Test
    @DisplayName("a record written after the read started is past the end")
    void recordsAfterTheEnd() {
        MockConsumer<String, String> consumer = consumerWithTwoPartitions();
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 0L));
        EndOffsets.assignFromBeginning(consumer, TOPIC, Duration.ofSeconds(1));
        EndOffsets ends = EndOffsets.of(consumer, List.of(P0, P1), Duration.ofSeconds(1));

        assertThat(ends.before(new ConsumerRecord<>(TOPIC, 0, 1, "a", "x"))).isTrue();
        assertThat(ends.before(new ConsumerRecord<>(TOPIC, 0, 2, "a", "x"))).isFalse();
        assertThat(ends.reached(consumer, P1)).isTrue();
        assertThat(ends.reached(consumer, P0)).isFalse();
        assertThat(ends.end(new TopicPartition("other", 0))).isZero();
    }
}
