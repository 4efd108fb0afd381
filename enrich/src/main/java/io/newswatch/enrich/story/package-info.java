/**
 * Story ids for near-duplicates: syndicated copies of one story across outlets share an id.
 *
 * <p>In: an article's title and summary and its event time. Out: a story id, the id of the first article
 * of the story seen within the horizon. {@link io.newswatch.enrich.story.StoryText} cleans the title
 * ("Opinion | ...", "... - Reuters") and cuts words into features; {@link io.newswatch.enrich.story.SimHash}
 * folds them into 64 bits; {@link io.newswatch.enrich.story.StoryIndex} finds an earlier article within a
 * Hamming distance by banded locality-sensitive hashing over a bucket store;
 * {@link io.newswatch.enrich.story.StoryIdAssigner} runs that on a Kafka Streams state store.
 */
package io.newswatch.enrich.story;
