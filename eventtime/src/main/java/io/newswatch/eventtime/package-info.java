/**
 * Event time across the places where records of several partitions meet.
 *
 * <p>Kafka Streams' stream time is the largest timestamp a task has seen. Where a stage repartitions the
 * records of N input partitions into one (dedup, story ids, spike detection), that maximum jumps ahead as
 * soon as one upstream partition runs ahead of the others (a backlog, a replay, a lagging instance), and
 * everything the slower partitions then deliver looks late. This package carries event time across the
 * merge the way Flink and Dataflow do:
 *
 * <ul>
 *   <li>{@link WatermarkStamper}, upstream of the repartition, once per input partition: forwards records,
 *       marks the ones that are out of order within their own partition by more than the allowed lateness,
 *       and forwards a {@link Watermark} ("no more records older than W from partition p") into the same
 *       repartition topic.</li>
 *   <li>{@link EventTimeMerge}, downstream: buffers records in a changelogged store and releases them in
 *       event-time order (ties by key, then by content) once the minimum watermark over every upstream
 *       partition has passed them. What it forwards is the same sequence whatever the partition count, the
 *       number of instances or the speed of each partition.</li>
 * </ul>
 *
 * docs/EVENT-TIME.md explains the design, idleness and the cost.
 */
package io.newswatch.eventtime;
