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

    public static final SettingsDef DEF = new SettingsDef("kafka");
    public static final Setting<String> BOOTSTRAP_SERVERS = DEF.defineOptional("kafka.bootstrap-servers", SettingType.STRING, "empty",
            "the Kafka cluster; empty starts (or connects to) the embedded broker");
    public static final Setting<String> TOPIC_PREFIX = DEF.define("kafka.topic-prefix",
            new SettingType<>("letters, digits, '.', '_' and '-'", text -> new Topics(text).prefix(), p -> p), "",
            "prepended to every topic name, consumer group and Streams application id");
    public static final SettingsDef.PrefixSetting CLIENT_PROPERTIES = DEF.definePrefix("kafka.properties.",
            "any Kafka client property, given to every client");

    public static KafkaSettings from(Settings settings) {
        return new KafkaSettings(settings.find(BOOTSTRAP_SERVERS), topics(settings), settings.withPrefix(CLIENT_PROPERTIES));
    }

    /** The topic names under the configured prefix: the one place the prefix is read. */
    public static Topics topics(Settings settings) {
        return new Topics(settings.get(TOPIC_PREFIX));
    }

    /** Base client properties for a given bootstrap address (the configured one, or the embedded broker's). */
    public Properties clientProperties(String bootstrap) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
