package io.newswatch.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The server properties of a single combined broker+controller KRaft node, as this project runs it.
 *
 * <p>Why each non-default value is there:
 * <ul>
 *   <li>Replication factor 1 and min ISR 1 for the internal topics (consumer offsets, transaction state,
 *       share-group state): there is one node, and the defaults of 3 would make consumer groups and
 *       transactions (Kafka Streams exactly-once) fail until the timeout.</li>
 *   <li>{@code group.initial.rebalance.delay.ms=0}: nobody else will join; the default 3 s delay only
 *       slows down every consumer and Streams start.</li>
 *   <li>{@code auto.create.topics.enable=false}: topics are created on purpose, with the partitions and
 *       retention the pipeline needs; a typo in a topic name ({@code tail news.alert}) must not silently
 *       create an empty topic. Kafka Streams creates its internal topics through the admin API, so it
 *       does not need auto-creation.</li>
 *   <li>Fewer partitions for the internal topics (8 instead of 50) and fewer threads: a single node on a
 *       small machine; creating 50 offset partitions costs seconds at the first consumer group.</li>
 *   <li>7 days retention in 64 MiB segments, so retention can actually delete data on a laptop-sized
 *       data volume (with the default 1 GiB segments, a slow topic never rolls a segment).</li>
 *   <li>A 16 MiB log-cleaner dedupe buffer instead of 128 MiB: compacted topics here are small, and the
 *       buffer lives on the heap of the application that embeds the broker.</li>
 * </ul>
 */
final class KraftNodeConfig {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KraftNodeConfig() {
    }

    /**
     * @param logDir the directory holding meta.properties and every partition's log
     * @param host the address the client listener binds to (a wildcard such as 0.0.0.0 binds every interface)
     * @param port the client listener's port
     * @param controllerHost where the controller listener binds and where the node reaches its own quorum
     * @param controllerPort the controller listener's port (only this node ever connects to it)
     */
    static Properties properties(Path logDir, String host, int port, String controllerHost, int controllerPort) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + controllerHost + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + controllerHost + ":"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + advertisedHost(host) + ":" + port);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());

        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "8");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "8");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");

        p.put("log.retention.hours", "168");
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));

        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "4");

        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    /** Clients cannot connect to a wildcard address; advertise the loopback address instead. */
    static String advertisedHost(String host) {
        return isWildcard(host) ? "127.0.0.1" : host;
    }

    /** The controller listener is for this node only, so it never binds every interface. */
    static String controllerHost(String host) {
        return isWildcard(host) ? "127.0.0.1" : host;
    }

    static boolean isWildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
