package io.newswatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings one module reads, each declared once with its key, type, default, check and doc (Kafka's
 * {@code ConfigDef}, for our flat dotted keys). A module keeps its definition and its {@link Setting}s as constants:
 *
 * <pre>{@code
 * public static final SettingsDef DEF = new SettingsDef("enrich");
 * public static final Setting<Duration> GRACE = DEF.define("enrich.grace", SettingType.DURATION, Duration.ofMinutes(5),
 *         Check.notNegative(), "how far out of event-time order an article may arrive");
 * }</pre>
 *
 * <p>The app lists every module's definition in its catalog ({@link SettingsCatalog}), which refuses unknown keys at
 * start and against which docs/CONFIGURATION*.md are checked.
 */
public final class SettingsDef {

    private final String name;
    private final List<Setting<?>> settings = new ArrayList<>();
    private final List<PrefixSetting> prefixes = new ArrayList<>();

    /** @param name what the settings belong to ({@code enrich}), for messages */
    public SettingsDef(String name) {
        this.name = name;
    }

    /** A key that Kafka's pass-through style reads under a prefix: {@code kafka.properties.<name>}. */
    public record PrefixSetting(String prefix, String doc) {
    }

    public String name() {
        return name;
    }

    /** A setting with a default and a check. */
    public <T> Setting<T> define(String key, SettingType<T> type, T defaultValue, Check<? super T> check, String doc) {
        return add(new Setting<>(key, type, Optional.of(defaultValue), null, check, doc));
    }

    /** A setting with a default and no check beyond its type. */
    public <T> Setting<T> define(String key, SettingType<T> type, T defaultValue, String doc) {
        return define(key, type, defaultValue, Check.none(), doc);
    }

    /**
     * A setting without a fixed default: unset, the reader decides ({@link Settings#find}); {@code defaultText} says
     * what happens then, as the docs write it ({@code <app.data-dir>/streams}, {@code Kafka's default}).
     */
    public <T> Setting<T> defineOptional(String key, SettingType<T> type, String defaultText, Check<? super T> check, String doc) {
        return add(new Setting<>(key, type, Optional.empty(), defaultText, check, doc));
    }

    public <T> Setting<T> defineOptional(String key, SettingType<T> type, String defaultText, String doc) {
        return defineOptional(key, type, defaultText, Check.none(), doc);
    }

    /** Every key starting with {@code prefix} is this module's ({@link Settings#withPrefix}). */
    public PrefixSetting definePrefix(String prefix, String doc) {
        PrefixSetting p = new PrefixSetting(prefix, doc);
        prefixes.add(p);
        return p;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(settings);
    }

    public List<PrefixSetting> prefixes() {
        return List.copyOf(prefixes);
    }

    private <T> Setting<T> add(Setting<T> setting) {
        if (settings.stream().anyMatch(s -> s.key().equals(setting.key()))) {
            throw new IllegalArgumentException("setting " + setting.key() + " is declared twice in " + name);
        }
        settings.add(setting);
        return setting;
    }
}
