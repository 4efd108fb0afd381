package io.newswatch.core;

/**
 * What a watch counts: the articles a rule matches ({@link Query}), the articles the taxonomy tagged ({@link Tag}), or
 * the articles that name a gazetteer entity ({@link Entity}). On the watches topic it is the one of the record's
 * {@code query}, {@code tag} and {@code entity} fields that is set ({@link WatchInput}); {@link #toString()} is how
 * every command, report and log line says it: {@code query tomahawk*}, {@code tag arms-transfer}, {@code entity country:HU}.
 */
public sealed interface WatchSubject {

    /** The record field that holds it: {@code query}, {@code tag} or {@code entity}. */
    String field();

    /** The rule, tag id or entity id. */
    String value();

    /** A rule in the taxonomy's rule language, e.g. {@code tomahawk*}. */
    record Query(String value) implements WatchSubject {
        @Override
        public String field() {
            return "query";
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** A taxonomy tag id, e.g. {@code arms-transfer}. */
    record Tag(String value) implements WatchSubject {
        @Override
        public String field() {
            return "tag";
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** A gazetteer entity id, e.g. {@code country:HU}. */
    record Entity(String value) implements WatchSubject {
        @Override
        public String field() {
            return "entity";
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** The one of {@code query}, {@code tag} and {@code entity} that is given, trimmed; null when none or several are. */
    static WatchSubject of(String query, String tag, String entity) {
        if (given(query) + given(tag) + given(entity) != 1) {
            return null;
        }
        return given(query) == 1 ? new Query(query.trim()) : given(tag) == 1 ? new Tag(tag.trim()) : new Entity(entity.trim());
    }

    /** How many of {@code query}, {@code tag} and {@code entity} are given (not null, not blank). */
    static int count(String query, String tag, String entity) {
        return given(query) + given(tag) + given(entity);
    }

    private static int given(String value) {
        return value == null || value.isBlank() ? 0 : 1;
    }

    private static String describe(WatchSubject s) {
        return s.field() + " " + s.value();
    }
}
