package io.newswatch.alerts.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.core.Settings;
import io.newswatch.core.WatchInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads watches from YAML (config/watches.yaml):
 *
 * <pre>
 * watches:
 *   - id: tomahawk
 *     description: Tomahawk missiles
 *     query: tomahawk*
 *     bucket: 10m          # durations as 30s, 10m, 2h, 3d or ISO-8601 (PT10M)
 *     minSources: 3        # camelCase or kebab-case (min-sources)
 * </pre>
 *
 * Fields left out are filled later by {@link WatchValidator}. Unknown fields are refused (a typo such as
 * {@code sensitivty} must not silently fall back to a default), as are duplicate ids.
 */
public final class WatchFile {

    private static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("id", "description", "query", "tag", "entity", "bucket", "baseline",
            "sensitivity", "minarticles", "minsources", "cooldown", "outputtopic", "webhookurl", "enabled");

    private WatchFile() {
    }

    public static List<WatchInput> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("watches file " + file + " does not exist");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("watches file " + file + " is larger than 1 MiB");
            }
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("watches file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; {@code origin} names the source in messages. */
    public static List<WatchInput> parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("watches file " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode list = root.isObject() ? root.get("watches") : null;
        if (list == null || list.isNull()) {
            throw new IllegalArgumentException("watches file " + origin + ": expected a top-level 'watches:' list");
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("watches file " + origin + ": 'watches' must be a list");
        }
        List<WatchInput> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = "watches file " + origin + ", watch #" + (index + 1);
            WatchInput w = watch(node, where);
            if (w.id() != null && !ids.add(w.id())) {
                throw new InvalidWatchException(w.id(), "id", "appears twice in " + origin);
            }
            out.add(w);
            index++;
        }
        return out;
    }

    private static WatchInput watch(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of fields");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        Map<String, JsonNode> byName = new HashMap<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(name)) {
                throw new InvalidWatchException(id, f.getKey(), "is not a watch field (" + where + "); known: id, description, query, tag, "
                        + "entity, bucket, baseline, sensitivity, minArticles, minSources, cooldown, outputTopic, webhookUrl, enabled");
            }
            byName.put(name, f.getValue());
        }
        return new WatchInput(WatchInput.SCHEMA_VERSION, id, text(byName, "description"), text(byName, "query"), text(byName, "tag"),
                text(byName, "entity"), duration(byName, "bucket", id), duration(byName, "baseline", id),
                number(byName, "sensitivity", id), integer(byName, "minarticles", "minArticles", id),
                integer(byName, "minsources", "minSources", id), duration(byName, "cooldown", id), text(byName, "outputtopic"),
                text(byName, "webhookurl"), bool(byName, "enabled", id), null);
    }

    private static String text(Map<String, JsonNode> f, String name) {
        JsonNode n = f.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Duration duration(Map<String, JsonNode> f, String name, String id) {
        String t = text(f, name);
        if (t == null) {
            return null;
        }
        try {
            return Settings.parseDuration(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidWatchException(id, name, "expected a duration like 30s, 10m, 2h, 3d or PT10M, got '" + t + "'");
        }
    }

    private static Double number(Map<String, JsonNode> f, String name, String id) {
        String t = text(f, name);
        if (t == null) {
            return null;
        }
        try {
            return Double.parseDouble(t.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWatchException(id, name, "expected a number, got '" + t + "'");
        }
    }

    private static Integer integer(Map<String, JsonNode> f, String name, String display, String id) {
        String t = text(f, name);
        if (t == null) {
            return null;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWatchException(id, display, "expected a whole number, got '" + t + "'");
        }
    }

    private static Boolean bool(Map<String, JsonNode> f, String name, String id) {
        String t = text(f, name);
        if (t == null) {
            return null;
        }
        return switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidWatchException(id, name, "expected true or false, got '" + t + "'");
        };
    }
}
