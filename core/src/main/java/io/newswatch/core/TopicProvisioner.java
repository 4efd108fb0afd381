package io.newswatch.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the pipeline's topics exist before any stage starts: creates the missing ones of a
 * {@link TopicLayout} and leaves existing ones alone. A topic whose partition count differs from the
 * layout is reported and logged, never altered: adding partitions changes which partition each key
 * lands on, which breaks keyed state and ordering, so it is a decision for an operator.
 *
 * <p>Safe to run from several instances at once: a topic another instance created in the meantime
 * counts as existing.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** What {@link #provision} found and did. */
    public record Report(List<String> created, List<String> existing, List<PartitionMismatch> partitionMismatches) {
        public Report {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
            partitionMismatches = List.copyOf(partitionMismatches);
        }
    }

    /** An existing topic with another partition count than its layout asks for. */
    public record PartitionMismatch(String topic, int expected, int actual) {
    }

    private final Admin admin;
    private final Duration timeout;

    /** @param admin an admin client the caller owns and closes */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public TopicProvisioner(Admin admin) {
        this(admin, DEFAULT_TIMEOUT);
    }

    /**
     * Opens an admin client with {@code clientProperties} (bootstrap servers and any security settings,
     * e.g. {@link KafkaSettings#clientProperties(String)}), provisions, and closes the client.
     */
    public static Report provision(Properties clientProperties, TopicLayout layout) {
        try (Admin admin = Admin.create(clientProperties)) {
            return new TopicProvisioner(admin).provision(layout);
        }
    }

    /**
     * Creates every topic of {@code layout} that does not exist yet, then compares the partition counts
     * of those that did.
     *
     * @throws IllegalStateException naming the topic when the cluster refuses to create it (for instance
     *         a replication factor larger than the number of brokers) or does not answer in time
     */
    public Report provision(TopicLayout layout) {
        Set<String> present = await(admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs())).names(), "listing topics");

        List<NewTopic> missing = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (TopicLayout.TopicSpec spec : layout.topics()) {
            if (present.contains(spec.name())) {
                existing.add(spec.name());
            } else {
                missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), layout.replicationFactor()).configs(spec.configs()));
            }
        }

        List<String> created = new ArrayList<>();
        if (!missing.isEmpty()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(timeoutMs())).values();
            for (NewTopic topic : missing) {
                if (create(results.get(topic.name()), topic, layout)) {
                    created.add(topic.name());
                    LOG.info("Created topic {} with {} partitions and configs {}", topic.name(), topic.numPartitions(), topic.configs());
                } else {
                    existing.add(topic.name());
                }
            }
        }

        if (!created.isEmpty()) {
            awaitVisible(created);
        }
        List<PartitionMismatch> mismatches = existing.isEmpty() ? List.of() : compareTo(layout, existing);
        return new Report(created, existing, mismatches);
    }

    /**
     * The controller acknowledges new topics before every broker has loaded them; until then clients
     * get "unknown topic". Waiting here means a stage started right after provisioning finds its topics.
     */
    private void awaitVisible(List<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs())).allTopicNames()
                        .get(timeoutMs(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " were created but cannot be described: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("describing the new topics " + topics + " timed out after " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the new topics " + topics, e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the new topics " + topics, e);
            }
        }
    }

    /** True if created, false if it turned out to exist already. */
    private boolean create(KafkaFuture<Void> result, NewTopic topic, TopicLayout layout) {
        try {
            result.get(timeoutMs(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("could not create topic " + topic.name() + " (" + topic.numPartitions()
                    + " partitions, replication factor "
                    + layout.replicationFactor().map(String::valueOf).orElse("of the cluster default") + ", configs "
                    + topic.configs() + "): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic.name() + " timed out after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }

    private List<PartitionMismatch> compareTo(TopicLayout layout, List<String> existing) {
        Map<String, TopicDescription> descriptions = await(
                admin.describeTopics(existing, new DescribeTopicsOptions().timeoutMs(timeoutMs())).allTopicNames(),
                "describing topics " + existing);
        List<PartitionMismatch> mismatches = new ArrayList<>();
        for (String name : existing) {
            int expected = layout.find(name).orElseThrow().partitions();
            int actual = descriptions.get(name).partitions().size();
            if (actual != expected) {
                mismatches.add(new PartitionMismatch(name, expected, actual));
                LOG.warn("Topic {} has {} partitions but the layout asks for {}; left as it is (changing the count re-partitions keys: "
                        + "do it on purpose, with kafka-topics --alter, or set topics.<name>.partitions to {})",
                        name, actual, expected, actual);
            }
        }
        return mismatches;
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    private int timeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
