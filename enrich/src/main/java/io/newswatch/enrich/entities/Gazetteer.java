package io.newswatch.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.core.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entities of a gazetteer directory, and a version that changes whenever any of its files does.
 *
 * <p>Every {@code *.yaml} file in the directory is read; its top-level key says what it holds:
 * {@code countries}, {@code people}, {@code organizations}, {@code weapons} or {@code places}. Each entry has
 * an {@code id} and a {@code name}; {@code aliases} are other ways of writing it, and countries also list
 * {@code demonyms}, {@code capitals} and {@code metonyms} ("Kremlin"), which all count as mentions of the
 * country. Any other field (such as a person's {@code role}) is documentation and ignored.
 *
 * <p>Loading fails with the file and entry named when an id is missing or repeated, a country id is not
 * an ISO 3166-1 alpha-2 code, or two entities claim the same surface form written the same way.
 */
public final class Gazetteer {

    private static final Map<String, EntityType> SECTIONS = Map.of(
            "countries", EntityType.COUNTRY,
            "people", EntityType.PERSON,
            "organizations", EntityType.ORGANIZATION,
            "weapons", EntityType.WEAPON,
            "places", EntityType.PLACE);

    private static final Map<EntityType, String> ID_PREFIXES = Map.of(
            EntityType.COUNTRY, "country:",
            EntityType.PERSON, "person:",
            EntityType.ORGANIZATION, "org:",
            EntityType.WEAPON, "weapon:",
            EntityType.PLACE, "place:");

    private static final List<String> COUNTRY_FORM_FIELDS = List.of("aliases", "demonyms", "capitals", "metonyms");
    private static final Pattern ISO_ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final List<GazetteerEntry> entries;
    private final String version;

    public Gazetteer(List<GazetteerEntry> entries, String version) {
        this.entries = List.copyOf(entries);
        this.version = version;
    }

    /** Reads every {@code *.yaml} file of a directory, in name order. */
    public static Gazetteer load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new GazetteerFormatException("gazetteer directory " + directory.toAbsolutePath()
                    + " does not exist (setting enrich.gazetteer)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new GazetteerFormatException("cannot list gazetteer directory " + directory + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new GazetteerFormatException("gazetteer directory " + directory.toAbsolutePath() + " holds no .yaml files");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        MessageDigest digest = sha256();
        Map<String, GazetteerEntry> byId = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] bytes = read(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            JsonNode root;
            try {
                root = yaml.readTree(bytes);
            } catch (IOException e) {
                throw new GazetteerFormatException("gazetteer file " + file + " is not valid YAML: " + e.getMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new GazetteerFormatException("gazetteer file " + file + ": expected a mapping with one of " + SECTIONS.keySet());
            }
            for (Map.Entry<String, JsonNode> section : root.properties()) {
                EntityType type = SECTIONS.get(section.getKey());
                if (type == null) {
                    throw new GazetteerFormatException("gazetteer file " + file + ": unknown section '" + section.getKey()
                            + "', expected one of " + SECTIONS.keySet());
                }
                if (!section.getValue().isArray()) {
                    throw new GazetteerFormatException("gazetteer file " + file + ": section '" + section.getKey() + "' must be a list");
                }
                int index = 0;
                for (JsonNode node : section.getValue()) {
                    GazetteerEntry entry = parseEntry(file, type, index++, node);
                    GazetteerEntry previous = byId.putIfAbsent(entry.id(), entry);
                    if (previous != null) {
                        throw new GazetteerFormatException("gazetteer file " + file + ": entity id " + entry.id() + " is defined twice");
                    }
                }
            }
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Gazetteer(new ArrayList<>(byId.values()), version);
    }

    private static GazetteerEntry parseEntry(Path file, EntityType type, int index, JsonNode node) {
        String where = "gazetteer file " + file + ", entry " + (index + 1);
        String rawId = text(node, "id");
        String name = text(node, "name");
        if (rawId == null || name == null) {
            throw new GazetteerFormatException(where + ": every entry needs an id and a name");
        }
        if (type == EntityType.COUNTRY ? !ISO_ALPHA2.matcher(rawId).matches() : !SLUG.matcher(rawId).matches()) {
            throw new GazetteerFormatException(where + ": id '" + rawId + "' must be "
                    + (type == EntityType.COUNTRY ? "an ISO 3166-1 alpha-2 code such as UA" : "lower-case letters, digits and '-'"));
        }
        List<String> forms = new ArrayList<>();
        forms.add(name);
        List<String> fields = type == EntityType.COUNTRY ? COUNTRY_FORM_FIELDS : List.of("aliases");
        for (String field : fields) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw new GazetteerFormatException(where + " (" + rawId + "): '" + field + "' must be a list");
            }
            list.forEach(item -> {
                if (!item.asText().isBlank()) {
                    forms.add(item.asText().trim());
                }
            });
        }
        return new GazetteerEntry(type, ID_PREFIXES.get(type) + rawId, name, forms);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new GazetteerFormatException("gazetteer file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GazetteerFormatException("cannot read gazetteer file " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    /** First 12 hex digits of a SHA-256 over the files' names and contents. */
    public String version() {
        return version;
    }
}
