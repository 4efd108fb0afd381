package io.newswatch.broker;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ephemeral embedded KRaft broker for a test class: started before the class's own
 * {@code @BeforeAll} methods (which may create topics on it), closed after its {@code @AfterAll}
 * methods. Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();}</pre>
 *
 * Shared by the integration tests of every module through this module's test jar, so each of them
 * does not start and stop its broker by hand.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.startEphemeral();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** The running broker. */
    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the embedded broker runs only between the test class's beforeAll and afterAll");
        }
        return broker;
    }

    /** {@link EmbeddedKafkaBroker#bootstrapServers()} of the running broker. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** {@link EmbeddedKafkaBroker#createTopic} on the running broker. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        broker().createTopic(name, partitions, configs);
    }
}
