package io.newswatch.core;

import java.util.Optional;

/**
 * One declared setting: its key, type, default, check and doc, made only by {@link SettingsDef#define} (the way
 * Kafka's {@code ConfigDef} declares a config). {@link Settings#get(Setting)} is the only way to read a value, so a
 * key nobody declared cannot be read, and {@link SettingsCatalog} can refuse keys nobody declared.
 *
 * <p>{@code key} is dotted ({@code enrich.grace}); {@code defaultValue} is the value when the key is not set (empty:
 * "not given", see {@link Settings#find}); {@code defaultText}, when not null, is the default as docs/CONFIGURATION*.md
 * write it for a derived default such as {@code <app.data-dir>/streams}; {@code check} is what a value must satisfy
 * beyond its type; {@code doc} says in one line what it does.
 */
public final class Setting<T> {

    private final String key;
    private final SettingType<T> type;
    private final Optional<T> defaultValue;
    private final String defaultText;
    private final Check<? super T> check;
    private final String doc;

    // Package-private: a setting exists only as part of a module's definition.
    Setting(String key, SettingType<T> type, Optional<T> defaultValue, String defaultText, Check<? super T> check, String doc) {
        if (defaultValue.isPresent() && check.problem(defaultValue.get()) != null) {
            throw new IllegalArgumentException("setting " + key + ": default " + defaultValue.get() + " fails its own check");
        }
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.check = check;
        this.doc = doc;
    }

    public String key() {
        return key;
    }

    public SettingType<T> type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return defaultValue;
    }

    public Check<? super T> check() {
        return check;
    }

    public String doc() {
        return doc;
    }

    /** The default as the docs should show it. */
    public String documentedDefault() {
        if (defaultText != null) {
            return defaultText;
        }
        return defaultValue.map(v -> type.format().apply(v)).orElse("(none)");
    }

    /** This setting's environment variable, {@code NEWSWATCH_ENRICH_GRACE}. */
    public String envName() {
        return Settings.envName(key);
    }

    @Override
    public String toString() {
        return key;
    }
}
