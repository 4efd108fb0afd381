package io.newswatch.alerts.delivery;

import io.newswatch.alerts.AlertsSettings.WebhookSettings;
import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchStore;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.core.Alert;
import io.newswatch.core.DeadLetter;
import io.newswatch.core.DeadLetterHeaders;
import io.newswatch.core.EndOffsets;
import io.newswatch.core.Topic;
import io.newswatch.core.Topics;
import io.newswatch.core.WatchInput;
import io.newswatch.core.failure.DeadLetterWriter;
import io.newswatch.core.failure.FailureListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to webhooks: each alert on the alert topic goes, as a JSON POST with a Slack-compatible
 * {@code text}, to its watch's {@code webhookUrl} and to {@code alerts.webhook.url} when set.
 *
 * <p>It is its own consumer group on the alert topic (read_committed), apart from the detecting Streams
 * application, so a slow or dead webhook never slows detection. Each URL has a lane (a thread and a
 * bounded queue); retries use exponential backoff with jitter; a delivery that keeps failing, or finds its
 * lane full, goes to the dead-letter topic with the alert bytes and {@link DeadLetterHeaders}. Offsets are
 * committed only up to alerts whose deliveries are all finished, so deliveries are at-least-once.
 * Watches (for their webhook URLs) are followed by tailing the watches topic. If its consuming thread dies of an
 * error, it says so to the {@link FailureListener} given to {@link #start(FailureListener)}: a pipeline must not run
 * on without delivery.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String STAGE = "alerts-webhook";
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    private final WebhookSettings settings;
    private final Topics topics;
    private final Topic<String, Alert> alertEvents;
    private final Properties client;
    private final HttpClient http;
    private final Backoff backoff;
    private final Map<URI, WebhookLane> lanes = new ConcurrentHashMap<>();
    private final Map<String, WatchInput> watches = new HashMap<>();
    private final CompletedOffsets offsets = new CompletedOffsets();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> alertConsumer;
    private KafkaConsumer<String, byte[]> watchConsumer;
    private volatile KafkaProducer<byte[], byte[]> dlqProducer;
    private DeadLetterWriter deadLetters;
    private volatile FailureListener onFailure = FailureListener.IGNORE;
    private volatile Thread loop;

    public WebhookDispatcher(AlertsSettings settings, Properties clientProperties, Topics topics) {
        this.settings = settings.webhook();
        this.topics = topics;
        this.alertEvents = topics.alertEvents();
        this.client = new Properties();
        this.client.putAll(clientProperties);
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.backoff = new Backoff(this.settings.initialBackoff(), this.settings.maxBackoff());
    }

    /** As {@link #start(FailureListener)}, for a dispatcher whose failure only its log tells. */
    public void start() {
        start(FailureListener.IGNORE);
    }

    /** Starts the consuming thread; returns at once. {@code onFailure} hears if the thread dies of an error. */
    public synchronized void start(FailureListener onFailure) {
        if (running) {
            return;
        }
        this.onFailure = onFailure;
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        alertConsumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());

        Properties w = new Properties();
        w.putAll(client);
        w.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        w.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        w.remove(ConsumerConfig.GROUP_ID_CONFIG);
        watchConsumer = new KafkaConsumer<>(w, new StringDeserializer(), new ByteArrayDeserializer());

        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        dlqProducer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = new DeadLetterWriter(dlqProducer, topics.dlq(), deadLettered::incrementAndGet);

        running = true;
        loop = Thread.ofPlatform().name("newswatch-webhook-dispatcher").start(this::run);
    }

    /** Deliveries that reached a webhook (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries given up and written to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** True while the dispatcher consumes alerts: started, not closed, and its thread has not died of an error. */
    public boolean running() {
        Thread t = loop;
        return running && t != null && t.isAlive();
    }

    /** The alert consumer, for its metrics (null before {@link #start()}); nothing else may use it: it belongs to one thread. */
    public Consumer<?, ?> alertConsumer() {
        return alertConsumer;
    }

    /** The dead-letter producer, for its metrics (null before {@link #start()}). */
    public Producer<?, ?> deadLetterProducer() {
        return dlqProducer;
    }

    private void run() {
        try {
            EndOffsets.assignFromBeginning(watchConsumer, topics.watches(), Duration.ofSeconds(30));
            alertConsumer.subscribe(List.of(topics.alerts()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit();
                    partitions.forEach(offsets::forget);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            long lastCommit = System.nanoTime();
            while (running) {
                followWatches(Duration.ZERO);
                for (ConsumerRecord<String, byte[]> r : alertConsumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && unknownWatch(r.key())) {
                        catchUpWatches(); // a watch written just before its first alert
                    }
                    dispatch(r);
                }
                if (System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                    commit();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("webhook dispatcher woken up unexpectedly", e);
                onFailure.failed("webhook delivery stopped: woken up while running");
            }
        } catch (RuntimeException e) {
            LOG.error("webhook dispatcher stopped: {}", e.getMessage(), e);
            if (running) { // an error while closing is no reason to fail the whole command
                onFailure.failed("webhook delivery stopped on an error (" + e + "); see the log above");
            }
        } finally {
            commit();
        }
    }

    private boolean unknownWatch(String watchId) {
        return watchId != null && !watches.containsKey(watchId);
    }

    /** Reads the watches topic up to its current end (bounded): cheap when already there. */
    private void catchUpWatches() {
        if (!watchConsumer.assignment().isEmpty()) {
            EndOffsets.readToEnd(watchConsumer, Duration.ofSeconds(5), r -> WatchStore.apply(watches, r));
        }
    }

    private void followWatches(Duration timeout) {
        if (watchConsumer.assignment().isEmpty()) {
            return; // no watches topic (yet): only alerts.webhook.url receives alerts
        }
        for (ConsumerRecord<String, byte[]> r : watchConsumer.poll(timeout)) {
            WatchStore.apply(watches, r);
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.value() == null) {
            offsets.read(tp, r.offset(), 0);
            return;
        }
        Alert alert;
        Set<URI> targets;
        byte[] body;
        try {
            alert = alertEvents.value(r.value());
            targets = targets(alert);
            body = WebhookPayload.of(alert);
        } catch (RuntimeException e) {
            // One alert that cannot be read or written out (a bug it trips) is set aside; delivery goes on for the others.
            offsets.read(tp, r.offset(), 1);
            String what = e instanceof SerializationException ? "undecodable alert: " : "alert cannot be delivered: ";
            deadLetter(r, new WebhookLane.Failure(e.getClass().getName(), what + e.getMessage()));
            return;
        }
        LOG.debug("alert {} at {}-{} offset {}: {} webhook(s)", alert.alertId(), r.topic(), r.partition(), r.offset(), targets.size());
        offsets.read(tp, r.offset(), targets.size());
        for (URI url : targets) {
            WebhookLane lane = lanes.computeIfAbsent(url, u -> new WebhookLane(u, http, settings.requestTimeout(),
                    settings.maxAttempts(), backoff, settings.queueCapacity()));
            WebhookLane.Delivery d = new WebhookLane.Delivery(body,
                    () -> {
                        delivered.incrementAndGet();
                        offsets.done(tp, r.offset());
                    },
                    failure -> deadLetter(r, failure));
            if (!lane.offer(d)) {
                deadLetter(r, new WebhookLane.Failure("QueueFull", "webhook " + lane.redactedUrl() + " has "
                        + settings.queueCapacity() + " deliveries waiting; alert " + alert.alertId() + " set aside"));
            }
        }
    }

    private Set<URI> targets(Alert alert) {
        Set<URI> out = new LinkedHashSet<>();
        WatchInput w = watches.get(alert.watchId());
        if (w != null && w.webhookUrl() != null && !w.webhookUrl().isBlank()) {
            try {
                out.add(WatchValidator.webhookUri(w.webhookUrl()));
            } catch (IllegalArgumentException e) {
                LOG.warn("watch '{}': webhookUrl {}; not delivering there", w.id(), e.getMessage());
            }
        }
        settings.defaultUrl().ifPresent(out::add);
        return out;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, WebhookLane.Failure failure) {
        DeadLetter why = new DeadLetter(STAGE, new DeadLetter.Source(r.topic(), r.partition(), r.offset()), failure.errorClass(),
                failure.message());
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        // Written: the alert is done with. Refused: the offset stays uncommitted and the alert is tried again after a restart.
        deadLetters.write(why, r.key() == null ? null : bytes(r.key()), r.value(), () -> offsets.done(tp, r.offset()));
    }

    private void commit() {
        try {
            Map<TopicPartition, OffsetAndMetadata> c = new HashMap<>(offsets.committable());
            c.keySet().retainAll(alertConsumer.assignment());
            if (!c.isEmpty()) {
                alertConsumer.commitSync(c);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot commit webhook dispatcher offsets (will retry): {}", e.getMessage());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops consuming, stops the lanes (unfinished deliveries are redelivered after a restart), commits what is done. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        lanes.values().forEach(WebhookLane::close);
        alertConsumer.wakeup();
        try {
            loop.join(Duration.ofSeconds(30));
            for (WebhookLane lane : lanes.values()) {
                lane.awaitStop(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int unfinished = offsets.inFlight();
        alertConsumer.close(Duration.ofSeconds(5));
        watchConsumer.close(Duration.ofSeconds(5));
        dlqProducer.close(Duration.ofSeconds(10));
        LOG.info("webhook dispatcher stopped: {} delivered, {} dead-lettered, {} unfinished (delivered again after a restart)",
                delivered.get(), deadLettered.get(), unfinished);
    }
}
