package io.newswatch.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting a program knows, from the definitions of the modules it runs. A key given in the file, with
 * {@code --set} or as a {@code NEWSWATCH_*} variable that no definition declares is a typo or a removed setting, and is
 * refused at start, naming the nearest known keys: a typo must not be silently ignored.
 *
 * @param definitions      the modules' definitions
 * @param processVariables {@code NEWSWATCH_*} variables read by the launcher or logging, not by {@link Settings}
 */
public record SettingsCatalog(List<SettingsDef> definitions, Set<String> processVariables) {

    private static final int SUGGESTIONS = 3;

    public SettingsCatalog {
        definitions = List.copyOf(definitions);
        processVariables = Set.copyOf(processVariables);
        Map<String, String> owner = new LinkedHashMap<>();
        for (SettingsDef def : definitions) {
            for (Setting<?> s : def.settings()) {
                String before = owner.putIfAbsent(s.key(), def.name());
                if (before != null) {
                    throw new IllegalArgumentException("setting " + s.key() + " is declared by both " + before + " and " + def.name());
                }
            }
        }
    }

    /** Every declared setting, in declaration order. */
    public List<Setting<?>> settings() {
        return definitions.stream().flatMap(d -> d.settings().stream()).toList();
    }

    public List<SettingsDef.PrefixSetting> prefixes() {
        return definitions.stream().flatMap(d -> d.prefixes().stream()).toList();
    }

    /**
     * Refuses the first key or variable of {@code settings} that nothing declares.
     *
     * @throws SettingsException "config key enrich.grase: unknown setting (from file config/newswatch.yaml); nearest known
     *                           keys: enrich.grace, ..."
     */
    public void requireKnown(Settings settings) {
        for (Settings.Given given : settings.given()) {
            if (given.environment() ? !knownVariable(given.name()) : !knownKey(given.name())) {
                throw new SettingsException(unknown(given));
            }
        }
    }

    private boolean knownKey(String key) {
        return settings().stream().anyMatch(s -> s.key().equals(key))
                || prefixes().stream().anyMatch(p -> key.startsWith(p.prefix()) && key.length() > p.prefix().length());
    }

    private boolean knownVariable(String name) {
        // Pass-through prefixes cannot be named by a variable (dots and dashes both become underscores).
        return processVariables.contains(name) || settings().stream().anyMatch(s -> s.envName().equals(name));
    }

    private String unknown(Settings.Given given) {
        List<String> nearest = nearest(given);
        String what = given.environment() ? "environment variable " + given.name() + ": unknown setting"
                : "config key " + given.name() + ": unknown setting (from " + given.origin() + ")";
        return what + (nearest.isEmpty() ? "" : "; nearest known " + (given.environment() ? "variables" : "keys")
                + ": " + String.join(", ", nearest)) + " (docs/CONFIGURATION.md lists them all)";
    }

    /** The closest known names by edit distance, within a third of the name's length. */
    List<String> nearest(Settings.Given given) {
        List<String> known = new ArrayList<>();
        for (Setting<?> s : settings()) {
            known.add(given.environment() ? s.envName() : s.key());
        }
        if (!given.environment()) {
            prefixes().forEach(p -> known.add(p.prefix() + "<name>"));
        }
        int limit = Math.max(2, given.name().length() / 3);
        return known.stream()
                .map(k -> Map.entry(k, editDistance(given.name(), k)))
                .filter(e -> e.getValue() <= limit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
