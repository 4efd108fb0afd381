package io.newswatch.enrich;

import io.newswatch.enrich.taxonomy.Tagger;
import java.nio.file.Path;

/** Where the production {@link Tagger} comes from: the taxonomy file, compiled by the taxonomy package. */
final class Taggers {

    private Taggers() {
    }

    static Tagger load(Path taxonomyFile) {
        throw new UnsupportedOperationException("taxonomy tagger not wired yet: " + taxonomyFile);
    }
}
