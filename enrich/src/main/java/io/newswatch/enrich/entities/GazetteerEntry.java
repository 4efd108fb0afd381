package io.newswatch.enrich.entities;

import io.newswatch.core.EntityType;
import java.util.List;

/**
 * One entity the gazetteer knows.
 *
 * @param type  what kind of entity
 * @param id    canonical id with its type prefix, e.g. {@code country:UA}, {@code person:vladimir-putin}
 * @param name  canonical display name
 * @param forms every way of writing it that should match, the name first
 */
public record GazetteerEntry(EntityType type, String id, String name, List<String> forms) {
    public GazetteerEntry {
        forms = List.copyOf(forms);
    }
}
