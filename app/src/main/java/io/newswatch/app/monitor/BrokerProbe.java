package io.newswatch.app.monitor;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Asks the Kafka cluster for its brokers every few seconds on a daemon thread and keeps the answer, so that
 * {@code /ready} answers at once from the last check instead of waiting on the network (a readiness probe's
 * timeout is often one second; a cluster that does not answer takes {@link #TIMEOUT}). The stages' own
 * clients cannot tell this: a Kafka Streams client stays RUNNING while its broker is gone, retrying.
 */
public final class BrokerProbe implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private volatile BrokerStatus status = BrokerStatus.NOT_CHECKED;

    private BrokerProbe(Admin admin) {
        this.admin = admin;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswatch-broker-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts checking now and every {@link #EVERY}; {@code clientProperties} are those of every other client. */
    public static BrokerProbe start(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newswatch-broker-probe");
        BrokerProbe probe = new BrokerProbe(Admin.create(p));
        probe.timer.scheduleWithFixedDelay(probe::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    public BrokerStatus status() {
        return status;
    }

    private void check() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            status = nodes.isEmpty()
                    ? new BrokerStatus(false, "the cluster answered with no brokers")
                    : new BrokerStatus(true, nodes.size() + (nodes.size() == 1 ? " broker" : " brokers") + " answered");
        } catch (ExecutionException e) {
            status = new BrokerStatus(false, "unreachable: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            status = new BrokerStatus(false, "unreachable: no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            status = new BrokerStatus(false, "unreachable: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
