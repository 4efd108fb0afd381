package io.newswatch.app.importer;

/** Where sorted articles go: Kafka ({@link KafkaImportSink}), or nowhere for a benchmark's baseline. */
public interface ImportSink extends AutoCloseable {

    /** Sends one article; may return before it is acknowledged. Throws if an earlier send failed. */
    void send(EventTimeSorter.Entry entry);

    /** Waits until everything sent is acknowledged; throws if anything failed. */
    void flush();

    @Override
    void close();

    /** Discards everything: reading, normalizing and sorting measured alone. */
    static ImportSink discarding() {
        return new ImportSink() {
            @Override
            public void send(EventTimeSorter.Entry entry) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
