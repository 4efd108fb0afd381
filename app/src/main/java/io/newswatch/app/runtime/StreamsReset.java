package io.newswatch.app.runtime;

import io.newswatch.app.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Forgets everything a Kafka Streams application has done, so that its next start reprocesses its input
 * from the earliest record: its consumer group (committed offsets), its internal changelog and
 * repartition topics, and its local state directory. Only ever run on request ({@code newswatch reset}),
 * never on start, and refused while an instance of the application is still running.
 *
 * <p>Input and output topics are left alone: a reset enrich re-writes enriched articles, which the
 * alerts stage (and any subscriber) then sees again.
 */
public final class StreamsReset {

    private static final long TIMEOUT_SECONDS = 30;

    /** What a reset found and removed. */
    public record Result(String applicationId, boolean groupDeleted, List<String> topicsDeleted, Path stateDirDeleted) {
    }

    private StreamsReset() {
    }

    /** @param streamsProperties the application's properties (application.id, state.dir, bootstrap and client settings) */
    public static Result reset(Properties streamsProperties) {
        String applicationId = streamsProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        String stateDir = streamsProperties.getProperty(StreamsConfig.STATE_DIR_CONFIG);
        // Streams' own filter keeps the connection and security settings and drops the Streams-only ones.
        Map<String, Object> adminProps = new StreamsConfig(streamsProperties).getAdminConfigs("newswatch-reset");
        try (Admin admin = Admin.create(adminProps)) {
            refuseIfRunning(admin, applicationId);
            boolean groupDeleted = deleteGroup(admin, applicationId);
            List<String> topics = deleteInternalTopics(admin, applicationId);
            Path dir = stateDir == null ? null : Path.of(stateDir).resolve(applicationId);
            Path deleted = dir != null && deleteRecursively(dir) ? dir : null;
            return new Result(applicationId, groupDeleted, topics, deleted);
        }
    }

    private static void refuseIfRunning(Admin admin, String applicationId) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(applicationId);
            if (group != null && !group.members().isEmpty()) {
                throw new UsageException("application " + applicationId + " is still running (" + group.members().size()
                        + " member(s) in its consumer group); stop it first, then reset");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("could not describe consumer group " + applicationId + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("describing consumer group " + applicationId, e);
        }
    }

    private static boolean deleteGroup(Admin admin, String applicationId) {
        try {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw new IllegalStateException("could not delete consumer group " + applicationId + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("deleting consumer group " + applicationId, e);
        }
    }

    private static List<String> deleteInternalTopics(Admin admin, String applicationId) {
        try {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> internal = new ArrayList<>(names.stream()
                    .filter(n -> n.startsWith(applicationId + "-") && (n.endsWith("-changelog") || n.endsWith("-repartition")))
                    .sorted().toList());
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return internal;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new IllegalStateException("could not delete the internal topics of " + applicationId + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted("deleting the internal topics of " + applicationId, e);
        }
    }

    private static boolean deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete local state " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException interrupted(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("no answer from Kafka within " + TIMEOUT_SECONDS + " s while " + what, e);
    }
}
