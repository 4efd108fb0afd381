package io.newswatch.enrich.taxonomy;

import io.newswatch.core.TagMatch;
import java.util.List;

/**
 * Assigns taxonomy tags to a text, each with its evidence. One instance per thread (Kafka Streams task).
 */
public interface Tagger extends AutoCloseable {

    /** Tags whose rule matches the text, in taxonomy order. */
    List<TagMatch> tag(String text);

    /** Version of the taxonomy behind this tagger, carried on every enriched record. */
    String version();

    @Override
    default void close() {
    }
}
