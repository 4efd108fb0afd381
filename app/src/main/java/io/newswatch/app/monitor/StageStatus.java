package io.newswatch.app.monitor;

/**
 * What one stage of this process is doing, as {@code /ready} reports it.
 *
 * @param running true only when the stage does its work now (a Kafka Streams stage in state RUNNING, ingest
 *                polling, the webhook dispatcher consuming)
 * @param state   the state in a word or two, e.g. {@code RUNNING}, {@code REBALANCING}, {@code NOT_STARTED}
 */
public record StageStatus(boolean running, String state) {

    public static final StageStatus NOT_STARTED = new StageStatus(false, "NOT_STARTED");
    public static final StageStatus RUNNING = new StageStatus(true, "RUNNING");
    public static final StageStatus STOPPED = new StageStatus(false, "STOPPED");

    /** RUNNING when {@code running}, else STOPPED. */
    public static StageStatus of(boolean running) {
        return running ? RUNNING : STOPPED;
    }
}
