package io.newswatch.alerts.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global watches store equal to the compacted watches topic: the raw bytes, exactly as on the
 * topic, so that restoring the store from the topic (which may bypass this processor) gives the same
 * contents. Decoding and validation happen where the watches are used ({@link ActiveWatches}).
 */
public final class WatchesStoreUpdater implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private final WatchStoreWrites writes;
    private KeyValueStore<String, byte[]> store;

    /** @param writes counts this processor's writes, for the readers of the store */
    public WatchesStoreUpdater(String storeName, WatchStoreWrites writes) {
        this.storeName = storeName;
        this.writes = writes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        writes.written();
    }
}
