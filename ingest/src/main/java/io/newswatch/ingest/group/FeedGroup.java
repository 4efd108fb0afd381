package io.newswatch.ingest.group;

import io.newswatch.core.FeedStatus;
import io.newswatch.core.Topics;
import io.newswatch.core.failure.FailureListener;
import io.newswatch.ingest.FeedSource;
import io.newswatch.ingest.schedule.FeedScheduler;
import io.newswatch.ingest.schedule.FeedState;
import io.newswatch.ingest.schedule.FirstPoll;
import io.newswatch.ingest.schedule.SavedFeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest instance's membership in the group of instances that share the feeds. The feeds topic's partitions are
 * the unit of sharing: the instance subscribes to the topic in a consumer group ({@code <prefix>newswatch-ingest},
 * cooperative sticky assignment), and owns every feed whose record lies in a partition assigned to it.
 *
 * <p>On assignment it reads each new partition of the feeds topic, and the same partition of the feed-state topic, to
 * its end, starts polling those feeds from their saved state (validators, seen ids, interval, error streak, next due
 * time), then follows the partition for feeds added, renamed or removed while it runs. On revocation (another
 * instance joined, or this one stops) it stops polling those feeds, lets polls in flight finish, and waits until their
 * states are written, before the partition goes to its next owner, which then reads those states. After every poll
 * the feed's state is written, after the poll's articles were acknowledged (see docs/INGEST.md: a crash between the
 * two re-sends at most one poll's new articles, which enrich drops by id).
 *
 * <p>The consumer's group offsets are never committed: a partition is always read from its beginning (a compacted
 * topic of one record per feed).
 */
public final class FeedGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedGroup.class);
    /** The consumer group's name, after the topic prefix. */
    public static final String GROUP = "newswatch-ingest";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Makes the state of a feed this instance starts polling: fresh, or from what its last owner saved. */
    @FunctionalInterface
    public interface StateFactory {
        FeedState create(FeedSource source, SavedFeedState saved);
    }

    private final Topics topics;
    private final FeedScheduler scheduler;
    private final StateFactory states;
    /** The shortest poll interval: feeds taken without a due time ahead get their first polls spread over up to this long. */
    private final Duration minInterval;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaConsumer<String, byte[]> reader;
    private final FeedStateWriter stateWriter;
    /** The feeds-topic partition of each feed polled here. */
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean failed;
    private volatile FailureListener onFailure = FailureListener.IGNORE;

    /**
     * Checks that the feeds and feed-state topics exist with the same partition count, and prepares the clients;
     * {@link #start()} joins the group.
     *
     * @throws IllegalStateException when the topics are missing or not co-partitioned
     */
    public FeedGroup(Properties clientProperties, Topics topics, FeedScheduler scheduler, StateFactory states, Duration minInterval,
            Clock clock) {
        this.topics = topics;
        this.minInterval = minInterval;
        this.scheduler = scheduler;
        this.states = states;
        this.clock = clock;
        this.reader = new KafkaConsumer<>(readerProperties(clientProperties), new StringDeserializer(), new ByteArrayDeserializer());
        try {
            checkCoPartitioned();
            this.stateWriter = new FeedStateWriter(clientProperties, topics);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        this.consumer = new KafkaConsumer<>(groupProperties(clientProperties, topics), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "ingest-feeds");
        this.thread.setDaemon(true);
    }

    private static Properties readerProperties(Properties client) {
        Properties p = new Properties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-ingest-feeds-reader");
        p.putAll(client);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    private static Properties groupProperties(Properties client, Topics topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-ingest-feeds");
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + GROUP);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private void checkCoPartitioned() {
        int feeds = partitions(topics.feeds());
        int state = partitions(topics.feedState());
        if (feeds != state) {
            throw new IllegalStateException("topic " + topics.feedState() + " has " + state + " partitions but " + topics.feeds() + " has "
                    + feeds + ": they must have the same count (each instance reads the state of feeds-partition N from state-partition N)."
                    + " Give them the same count with kafka-topics --alter, or delete " + topics.feedState()
                    + " (feeds are then polled from scratch once)");
        }
    }

    private int partitions(String topic) {
        var infos = reader.partitionsFor(topic, READ_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist; it is created with the pipeline's topics (TopicLayout)");
        }
        return infos.size();
    }

    /** Joins the group on a thread of its own and returns at once; {@code onFailure} hears if that thread dies of an error. */
    public void start(FailureListener onFailure) {
        this.onFailure = onFailure;
        thread.start();
    }

    /** True while the member runs (false after {@link #close()} or when its thread failed). */
    public boolean running() {
        return thread.isAlive() && !failed && !closing;
    }

    /** The feeds-topic partitions this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.feeds()), new Listener());
            while (!closing) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                        changed(r);
                    }
                } catch (WakeupException e) {
                    break;
                }
            }
            release(Set.copyOf(owned));
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("ingest: the feed group member stopped; this instance polls no feed any more", e);
            if (!closing) { // an error while closing is no reason to fail the whole command
                onFailure.failed("ingest stopped: the feed group member failed (" + e + "); this instance polls no feed any more");
            }
            scheduler.stopAll(STOP_GRACE);
            partitionOf.clear();
            owned.clear();
            stateWriter.flush();
        } finally {
            consumer.close(); // leaves the group: the others take its partitions at once
        }
    }

    /** Called on the poll's thread after each poll of a feed polled here: saves its state. */
    public void polled(FeedState feed, Duration next) {
        Integer partition = partitionOf.get(feed.source().location());
        if (partition != null) {
            Instant now = clock.instant();
            stateWriter.write(partition, feed.save(now.plus(next), now));
        }
    }

    /** Writes a change of a feed's health to the feed-status topic. */
    public void publishStatus(FeedStatus status) {
        stateWriter.status(status);
    }

    /** A feed added, renamed or removed while this instance owns its partition. */
    private void changed(ConsumerRecord<String, byte[]> r) {
        String location = r.key();
        if (location == null) {
            return;
        }
        if (r.value() == null) {
            boolean wasPolled = scheduler.stop(location, STOP_GRACE) != null;
            partitionOf.remove(location);
            stateWriter.remove(r.partition(), location);
            stateWriter.removeStatus(FeedSource.of(location));
            if (wasPolled) {
                LOG.info("feed {}: removed from {}; no longer polled", FeedSource.of(location).displayName(), topics.feeds());
            }
            return;
        }
        FeedSource source = FeedCatalog.decode(r);
        if (source == null) {
            return;
        }
        FeedState current = scheduler.feed(location);
        if (current != null && current.source().equals(source)) {
            return;
        }
        SavedFeedState carried = null;
        if (current != null) { // renamed: go on from where it is
            FeedState stopped = scheduler.stop(location, STOP_GRACE);
            if (stopped != null) {
                Instant now = clock.instant();
                carried = stopped.save(now.plus(stopped.interval()), now);
            }
        }
        partitionOf.put(location, r.partition());
        scheduler.start(states.create(source, carried), carried != null ? untilDue(carried, Duration.ZERO)
                : Duration.ofMillis(ThreadLocalRandom.current().nextLong(1000)));
        if (current == null) {
            LOG.info("feed {}: added to {}; polled here", source.displayName(), topics.feeds());
        }
    }

    /** Starts the feeds of newly assigned partitions from their saved states. On the consumer's thread, inside poll(). */
    private void take(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<TopicPartition> feedParts = new ArrayList<>();
        List<TopicPartition> stateParts = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            feedParts.add(tp);
            stateParts.add(new TopicPartition(topics.feedState(), tp.partition()));
        }
        Map<String, FeedSource> feeds = new LinkedHashMap<>();
        Map<String, Integer> feedPartition = new HashMap<>();
        Map<TopicPartition, Long> ends = PartitionReader.readToEnd(reader, feedParts, READ_TIMEOUT, r -> {
            FeedCatalog.apply(feeds, r);
            feedPartition.put(r.key(), r.partition());
        });
        Map<String, SavedFeedState> saved = new HashMap<>();
        Map<String, Integer> savedPartition = new HashMap<>();
        PartitionReader.readToEnd(reader, stateParts, READ_TIMEOUT, r -> {
            if (r.key() == null) {
                return;
            }
            if (r.value() == null) {
                saved.remove(r.key());
                return;
            }
            try {
                saved.put(r.key(), FeedStateWriter.SERDE.deserialize(r.topic(), r.value()));
                savedPartition.put(r.key(), r.partition());
            } catch (SerializationException e) { // the feed starts afresh: at worst one poll's articles again, which enrich drops
                LOG.warn("feed {}: saved state at {}-{} offset {} is undecodable, starting afresh: {}",
                        FeedSource.of(r.key()).displayName(), r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        });
        Instant now = clock.instant();
        long notDue = feeds.keySet().stream().map(saved::get)
                .filter(state -> state != null && state.nextPollAt() != null && state.nextPollAt().isAfter(now)).count();
        Duration spread = FirstPoll.spread(feeds.size() - (int) notDue, feeds.size(), minInterval);
        int restored = 0;
        for (FeedSource feed : feeds.values()) {
            SavedFeedState state = saved.remove(feed.location());
            restored += state == null ? 0 : 1;
            partitionOf.put(feed.location(), feedPartition.get(feed.location()));
            scheduler.start(states.create(feed, state), untilDue(state, spread));
        }
        // States of feeds no longer on the feeds topic (removed while no instance owned them): removed too.
        saved.keySet().forEach(location -> stateWriter.remove(savedPartition.get(location), location));
        for (TopicPartition tp : feedParts) {
            consumer.seek(tp, ends.get(tp)); // from here the main loop follows changes
            owned.add(tp.partition());
        }
        LOG.info("ingest: took partitions {} of {}: {} feeds, {} of them with saved state, in {} ms", numbers(partitions), topics.feeds(),
                feeds.size(), restored, (System.nanoTime() - started) / 1_000_000);
    }

    /** When a feed's first poll here is due: its saved due time, else (or when that has passed) within {@code spread}. */
    private Duration untilDue(SavedFeedState saved, Duration spread) {
        return FirstPoll.delay(saved == null ? null : saved.nextPollAt(), spread, clock.instant());
    }

    /** Stops the feeds of partitions leaving this instance and waits until their states are written. */
    private void release(Collection<Integer> partitions) {
        if (partitions.stream().noneMatch(owned::contains)) {
            return;
        }
        List<String> leaving = partitionOf.entrySet().stream().filter(e -> partitions.contains(e.getValue())).map(Map.Entry::getKey)
                .toList();
        scheduler.stop(leaving, STOP_GRACE);
        leaving.forEach(partitionOf::remove);
        stateWriter.flush();
        owned.removeAll(partitions);
        LOG.info("ingest: handed over partitions {} of {}: {} feeds", new TreeSet<>(partitions), topics.feeds(), leaving.size());
    }

    private static String numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Runs inside the consumer's poll(), on its thread. */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            take(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already owned by others: stop at once; the states written after each poll are all a new owner can have.
            onPartitionsRevoked(partitions);
        }
    }

    /** Leaves the group: stops polling every feed, writes their states, and lets the other instances take them. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
            consumer.close();
        }
        stateWriter.close();
        reader.close();
    }
}
