package io.newswatch.core.failure;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' production handler for our stages: a record that cannot be written because of what it is (too large for
 * the topic, or it does not serialize) is logged and skipped, with the input record that produced it sent to the
 * dead-letter topic; anything else is Kafka's default (retry what is retriable, else fail: a topic that is missing or
 * refused would lose every record, not one, and the stage stops and says so). A store's changelog is never skipped.
 */
public final class SkipUnwritableRecordHandler extends DefaultProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipUnwritableRecordHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        Response kafkaDefault = super.handleError(context, record, exception);
        if (exception instanceof RecordTooLargeException && !isChangelog(record.topic())) {
            LOG.warn("processor {} (task {}): a record for topic {} is too large to write, skipped: {}", context.processorNodeId(),
                    context.taskId(), record.topic(), exception.getMessage());
            return Response.resume(kafkaDefault.deadLetterQueueRecords());
        }
        return kafkaDefault;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        Response kafkaDefault = super.handleSerializationError(context, record, exception, origin);
        if (isChangelog(record.topic())) {
            return kafkaDefault;
        }
        LOG.warn("processor {} (task {}): a record for topic {} does not serialize ({}), skipped: {}", context.processorNodeId(),
                context.taskId(), record.topic(), origin, exception.getMessage());
        return Response.resume(kafkaDefault.deadLetterQueueRecords());
    }

    /**
     * A store's changelog is never skipped: the store already holds the value, and a restore from a changelog that lacks it
     * would give other state (Kafka's default stops the stage instead, and says why).
     */
    private static boolean isChangelog(String topic) {
        return topic.endsWith("-changelog");
    }
}
