package io.newswatch.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dead-letter routing: a record the handler throws on goes to the DLQ with its bytes and headers and is counted")
class DeadLetterRoutingTest {

    static final String IN = "in";
    static final String OUT = "out";
    static final String DLQ = "dlq";
    static final String SCOPE = "newswatch-test";

    TopologyTestDriver driver;
    TestInputTopic<String, String> input;
    TestOutputTopic<String, String> output;
    TestOutputTopic<byte[], byte[]> deadLetters;
    int handlersClosed;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> raw = builder.stream(IN, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        DeadLetterRouting.handle(raw, "test", SCOPE, () -> new RecordHandler<String>() {
                    @Override
                    public String handle(byte[] key, byte[] value) {
                        String text = new String(value, StandardCharsets.UTF_8);
                        if (text.startsWith("bad")) {
                            throw new IllegalArgumentException("cannot handle " + text);
                        }
                        return text.toUpperCase();
                    }

                    @Override
                    public void close() {
                        handlersClosed++;
                    }
                }, DLQ)
                .to(OUT, Produced.with(Serdes.ByteArray(), Serdes.String()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-routing-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), p);
        input = driver.createInputTopic(IN, new StringSerializer(), new StringSerializer());
        output = driver.createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    @DisplayName("a good record passes, handled; a bad one goes to the DLQ untouched, with where it came from and why")
    void routes() {
        input.pipeInput("k1", "good");
        input.pipeInput("k2", "bad record");
        input.pipeInput("k3", "fine");

        assertThat(output.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly("k1=GOOD", "k3=FINE");
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("k2");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("bad record");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("test");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(IN);
        assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(dead, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("cannot handle bad record");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("each dead letter is counted in dead-letters-total under the stage's metrics scope")
    void counts() {
        input.pipeInput("k1", "bad one");
        input.pipeInput("k2", "good");
        input.pipeInput("k3", "bad two");

        assertThat(deadLettersTotal()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("each task's handler is closed with the task")
    void closesHandlers() {
        input.pipeInput("k1", "good");
        driver.close();
        driver = null;
        assertThat(handlersClosed).isEqualTo(1);
    }

    private double deadLettersTotal() {
        return driver.metrics().entrySet().stream()
                .filter(e -> isDeadLettersTotal(e.getKey()))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static boolean isDeadLettersTotal(MetricName name) {
        return name.name().equals("dead-letters-total") && name.group().equals("stream-" + SCOPE + "-metrics");
    }

    static String header(TestRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
