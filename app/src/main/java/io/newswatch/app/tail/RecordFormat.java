package io.newswatch.app.tail;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How a tailed record is printed: one line (or a few, for readable alerts) per record. */
public interface RecordFormat {
    String format(ConsumerRecord<byte[], byte[]> record);
}
