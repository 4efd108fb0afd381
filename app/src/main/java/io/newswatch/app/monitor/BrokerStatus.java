package io.newswatch.app.monitor;

/**
 * The last word on whether the Kafka cluster answers, from {@link BrokerProbe}.
 *
 * @param reachable true when the last check got the cluster's brokers within its timeout
 * @param detail    what the last check found: how many brokers answered, or why it failed
 */
public record BrokerStatus(boolean reachable, String detail) {

    public static final BrokerStatus NOT_CHECKED = new BrokerStatus(false, "not checked yet");
}
