package io.newswatch.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Streams failure policy: a record a processor throws on is logged, skipped and dead-lettered; the stage goes on")
class StreamsFailurePolicyTest {

    @Test
    @DisplayName("sets the log-and-continue handlers, our production handler and the dead-letter topic")
    void setsHandlers() {
        Properties p = new Properties();
        StreamsFailurePolicy.apply(p, "x.news.dlq");
        assertThat(p).containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class)
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnwritableRecordHandler.class)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "x.news.dlq");
    }

    @Test
    @DisplayName("a bug one record trips skips that record, sends it to the DLQ with its bytes, and the next is processed")
    void processingErrorSkipsTheRecord() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.equals("boom")) {
                        throw new IllegalStateException("a bug");
                    }
                    return v + "!";
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        StreamsFailurePolicy.apply(p, "dlq");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), p)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());

            in.pipeInput("a", "one");
            in.pipeInput("b", "boom");
            in.pipeInput("c", "two");

            assertThat(out.readValuesToList()).containsExactly("one!", "two!");
            TestRecord<byte[], byte[]> dead = dlq.readRecord();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("b");
            double dropped = driver.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("dropped-records-total") && e.getKey().group().equals("stream-task-metrics"))
                    .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
            assertThat(dropped).as("counted as dropped").isEqualTo(1.0);
        }
    }
}
