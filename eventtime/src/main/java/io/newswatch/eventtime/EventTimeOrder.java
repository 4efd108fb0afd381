package io.newswatch.eventtime;

import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The one way a stage brings the records of all its input partitions together: stamp watermarks per input
 * partition, repartition into one partition, release in event-time order. Used by enrich (dedup and story ids)
 * and alerts (detection), so both merge the same way.
 */
public final class EventTimeOrder {

    private EventTimeOrder() {
    }

    /**
     * One merge.
     *
     * @param name               names the repartition topic ({@code <application id>-<name>-repartition}), the
     *                           processors and the stores; keep it stable, it names internal topics
     * @param metricsScope       scope of the {@code late-records} and {@code identical-records} sensors
     * @param policy             lateness and idleness
     * @param upstreamPartitions how many input partitions must speak before anything is released (the input
     *                           topic's partition count; more are recognised as they appear)
     * @param latePolicy         what becomes of a late record
     * @param forwardWatermarks  whether downstream processors get watermark records (detection closes buckets on them)
     * @param progress           shared with whoever watches this merge in the same JVM; may be null
     */
    public record Spec(String name, String metricsScope, WatermarkPolicy policy, int upstreamPartitions,
                       EventTimeMerge.LatePolicy latePolicy, boolean forwardWatermarks, MergeProgress progress) {
    }

    /**
     * Adds the stamper, the one-partition repartition and the merge after {@code in}, whose record timestamps
     * are event times. Returns the merged stream: record values as the bytes {@code serializer} wrote, in
     * event-time order, with watermark records among them when the spec asks for them.
     *
     * @param carry which records go to the merge at all (the rest only move the watermark)
     */
    public static <V> KStream<String, byte[]> merge(StreamsBuilder builder, KStream<String, V> in, Serializer<V> serializer,
                                                     Predicate<V> carry, Spec spec) {
        String stamperStore = spec.name() + "-newest-event-time";
        EventTimeMerge.Names stores = new EventTimeMerge.Names(spec.name());
        builder.addStateStore(WatermarkStamper.storeBuilder(stamperStore));
        builder.addStateStore(EventTimeMerge.bufferStore(stores));
        builder.addStateStore(EventTimeMerge.marksStore(stores));
        return in
                .process(() -> new WatermarkStamper<>(stamperStore, spec.policy(), carry),
                        Named.as(spec.name() + "-stamp-watermarks"), stamperStore)
                .mapValues((k, v) -> v == null ? null : serializer.serialize(spec.name(), v), Named.as(spec.name() + "-to-bytes"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(spec.name()).withNumberOfPartitions(1))
                .process(() -> new EventTimeMerge(stores, spec.metricsScope(), spec.upstreamPartitions(), spec.latePolicy(),
                        spec.forwardWatermarks(), spec.progress(), spec.policy().clockWhenIdle() ? spec.policy().lateness() : null),
                        Named.as(spec.name() + "-in-event-time-order"), stores.all());
    }
}
