package io.newswatch.core;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the Kafka cluster is and how to talk to it. {@code kafka.bootstrap-servers} empty means
 * "start the embedded broker"; any Kafka client property can be passed through as
 * {@code kafka.properties.<name>} (e.g. {@code kafka.properties.security.protocol: SASL_SSL}).
 */
public record KafkaSettings(Optional<String> bootstrapServers, Topics topics, Map<String, String> clientProperties) {

    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
    public static final String TOPIC_PREFIX = "kafka.topic-prefix";
    public static final String CLIENT_PROPERTIES_PREFIX = "kafka.properties.";

    public static KafkaSettings from(Settings settings) {
        return new KafkaSettings(
                settings.find(BOOTSTRAP_SERVERS),
                new Topics(settings.string(TOPIC_PREFIX, "")),
                settings.withPrefix(CLIENT_PROPERTIES_PREFIX));
    }

    /** Base client properties for a given bootstrap address (the configured one, or the embedded broker's). */
    public Properties clientProperties(String bootstrap) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
