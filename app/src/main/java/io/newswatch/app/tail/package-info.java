/**
 * {@code newswatch tail}: reads a topic without a consumer group ({@link io.newswatch.app.tail.TopicTail}) and
 * prints each record as a JSON line ({@link io.newswatch.app.tail.JsonLinesFormat}) or as readable text
 * ({@link io.newswatch.app.tail.TextFormat}). In: a topic name and where to start; out: lines on stdout.
 */
package io.newswatch.app.tail;
