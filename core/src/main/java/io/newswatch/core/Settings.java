package io.newswatch.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed settings with three layers, highest first: explicit overrides (command-line flags), environment
 * variables, then a YAML file. Keys are dotted and lower-case ({@code ingest.min-interval}); the
 * environment variable for a key is {@code NEWSWATCH_} plus the key upper-cased with dots and dashes
 * as underscores ({@code NEWSWATCH_INGEST_MIN_INTERVAL}).
 *
 * <p>Values are read only through declared settings ({@link #get(Setting)}, see {@link SettingsDef}); the app refuses
 * keys nobody declared ({@link SettingsCatalog}). A value that does not parse or breaks its check names the key,
 * the bad value and where it came from, so a user sees "config key ingest.min-interval: expected a duration like 30s, 5m, 2h or PT5M, got
 * 'soon' (from environment variable NEWSWATCH_INGEST_MIN_INTERVAL)" instead of a stack trace.
 */
public final class Settings {

    public static final String ENV_PREFIX = "NEWSWATCH_";

    private final Map<String, String> file;
    private final Map<String, String> env;
    private final Map<String, String> overrides;
    private final String fileName;

    private Settings(Map<String, String> file, String fileName, Map<String, String> env, Map<String, String> overrides) {
        this.file = Map.copyOf(file);
        this.fileName = fileName;
        this.env = Map.copyOf(env);
        this.overrides = Map.copyOf(overrides);
    }

    /** Settings from plain values only (tests, embedding). */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.of(), null, Map.of(), values);
    }

    public static Settings empty() {
        return of(Map.of());
    }

    /**
     * Loads the layers. {@code yamlFile} may be null (no file); a file that does not parse fails with its name.
     */
    public static Settings load(Path yamlFile, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> fileValues = yamlFile == null ? Map.of() : readYaml(yamlFile);
        return new Settings(fileValues, yamlFile == null ? null : yamlFile.toString(), environment, overrides);
    }

    /** A copy with one more override; overrides win over everything. */
    public Settings with(String key, String value) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(key, value);
        return new Settings(file, fileName, env, o);
    }

    public Settings withAll(Map<String, String> more) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.putAll(more);
        return new Settings(file, fileName, env, o);
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private record Value(String text, String origin) {
    }

    private Optional<Value> lookup(String key) {
        if (overrides.containsKey(key)) {
            return Optional.of(new Value(overrides.get(key), "command line"));
        }
        String envKey = envName(key);
        if (env.containsKey(envKey)) {
            return Optional.of(new Value(env.get(envKey), "environment variable " + envKey));
        }
        if (file.containsKey(key)) {
            return Optional.of(new Value(file.get(key), "file " + fileName));
        }
        return Optional.empty();
    }

    /**
     * The value of {@code setting}: its text parsed by its type and checked, or its default when it is not set.
     *
     * @throws SettingsException naming the key, the value and where it came from, when the text does not parse or
     *         breaks the setting's check, or when a setting without a default is not set
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).or(setting::defaultValue).orElseThrow(() -> new SettingsException("config key " + setting.key()
                + " is required (set it in the settings file, as " + envName(setting.key()) + ", or on the command line)"));
    }

    /** The value of {@code setting} when it is set (a blank value counts as not set), parsed and checked; never its default. */
    public <T> Optional<T> find(Setting<T> setting) {
        Optional<Value> value = lookup(setting.key()).filter(v -> v.text() != null && !v.text().isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().text().trim();
        T parsed;
        try {
            parsed = setting.type().parser().parse(text);
        } catch (Exception e) {
            String got = setting.type().secret() ? "got a value (not shown: it may hold a secret) that " + e.getMessage()
                    : "got '" + text + "'";
            throw new SettingsException("config key " + setting.key() + ": expected " + setting.type().expected() + ", " + got + " (from "
                    + value.get().origin() + ")");
        }
        String problem = setting.check().problem(parsed);
        if (problem != null) {
            String got = setting.type().secret() ? "got a value not shown here (it may hold a secret)" : "got '" + text + "'";
            throw new SettingsException("config key " + setting.key() + ": " + problem + ", " + got + " (from " + value.get().origin()
                    + ")");
        }
        return Optional.of(parsed);
    }

    /** Whether {@code setting} is set to something not blank. */
    public boolean isSet(Setting<?> setting) {
        return lookup(setting.key()).map(Value::text).filter(t -> !t.isBlank()).isPresent();
    }

    /** A copy with {@code setting} overridden by {@code text}, as if given on the command line. */
    public Settings with(Setting<?> setting, String text) {
        return with(setting.key(), text);
    }

    /**
     * All keys below a prefix, prefix removed, from file and overrides (environment variables cannot
     * name arbitrary keys unambiguously). Used to pass any Kafka client property through:
     * {@code kafka.properties.compression.type: lz4}.
     */
    public Map<String, String> withPrefix(SettingsDef.PrefixSetting declared) {
        String prefix = declared.prefix();
        Map<String, String> out = new TreeMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        overrides.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Where each given key came from, as the user wrote it: command-line and file keys, and {@code NEWSWATCH_*} variables. */
    public record Given(String name, String origin, boolean environment) {
    }

    /** Every key or variable given, for {@link SettingsCatalog} to refuse the unknown ones. */
    public List<Given> given() {
        List<Given> out = new ArrayList<>();
        overrides.keySet().forEach(k -> out.add(new Given(k, "command line", false)));
        env.keySet().stream().filter(k -> k.startsWith(ENV_PREFIX)).sorted()
                .forEach(k -> out.add(new Given(k, "environment variable " + k, true)));
        file.keySet().forEach(k -> out.add(new Given(k, "file " + fileName, false)));
        return out;
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb", "kib" -> n * 1024;
            case "mb", "mib" -> n * 1024 * 1024;
            case "gb", "gib" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    private static Map<String, String> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("settings file " + file + " does not exist");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null && !root.isNull() && !root.isMissingNode()) {
                if (!root.isObject()) {
                    throw new SettingsException("settings file " + file + ": expected a mapping of keys at the top level");
                }
                flatten("", root, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new SettingsException("settings file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(prefix, String.join(",", items));
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }
}
