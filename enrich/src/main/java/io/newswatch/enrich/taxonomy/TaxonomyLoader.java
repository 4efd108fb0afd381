package io.newswatch.enrich.taxonomy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.rules.Rule;
import io.newswatch.rules.RuleMatcher;
import io.newswatch.rules.RuleSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a taxonomy YAML file (config/taxonomy.yaml; format in docs/TAXONOMY.md) and checks it fully
 * before anything runs: required fields, unknown fields (a typo such as {@code rules:} must not
 * silently drop a rule), unique ids, named lists ({@link RuleLists}) expanded into the rules that use them, and every
 * rule compiled. Any problem is a
 * {@link TaxonomyException} naming the file, the tag and, for a rule, the position in it: a taxonomy
 * either loads whole or the process does not start.
 */
public final class TaxonomyLoader {

    /** A taxonomy larger than this is a mistake (or an attack), not a taxonomy. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> ROOT_FIELDS = Set.of("version", "lists", "tags");
    private static final Set<String> TAG_FIELDS = Set.of("id", "label", "description", "rule", "examples");
    private static final Set<String> EXAMPLE_FIELDS = Set.of("match", "noMatch");
    private static final ObjectMapper YAML = new YAMLMapper();

    private TaxonomyLoader() {
    }

    /** Loads and checks a taxonomy file. */
    public static Taxonomy load(Path file) {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new TaxonomyException(source + ": taxonomy file not found");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new TaxonomyException(source + ": taxonomy file is larger than " + MAX_BYTES + " bytes");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new TaxonomyException(source + ": cannot read taxonomy file: " + e.getMessage(), null, -1, e);
        }
    }

    /**
     * Parses and checks taxonomy YAML text.
     *
     * @param source where the text came from, for messages (a file name)
     */
    public static Taxonomy parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new TaxonomyException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), null, -1, e);
        }
        if (root == null || !root.isObject()) {
            throw new TaxonomyException(source + ": expected a mapping with 'version' and 'tags'");
        }
        rejectUnknown(root, ROOT_FIELDS, source);
        String version = text(root, "version", source);
        JsonNode tagsNode = root.get("tags");
        if (tagsNode == null || !tagsNode.isArray() || tagsNode.isEmpty()) {
            throw new TaxonomyException(source + ": 'tags' must be a non-empty list");
        }
        RuleLists lists = RuleLists.parse(root.get("lists"), source);
        List<TagDefinition> tags = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < tagsNode.size(); i++) {
            TagDefinition tag = tag(tagsNode.get(i), i, source, lists);
            Integer previous = seen.putIfAbsent(tag.id(), i);
            if (previous != null) {
                throw new TaxonomyException(source + ": tag '" + tag.id() + "' (tags[" + i + "]) repeats the id of tags["
                        + previous + "]", tag.id(), -1, null);
            }
            checkRule(tag, i, source);
            tags.add(tag);
        }
        return new Taxonomy(version, tags);
    }

    private static TagDefinition tag(JsonNode node, int index, String source, RuleLists lists) {
        String where = source + ": tags[" + index + "]";
        if (node == null || !node.isObject()) {
            throw new TaxonomyException(where + ": expected a mapping with id, label, description, rule, examples");
        }
        String id = text(node, "id", where);
        if (!ID.matcher(id).matches()) {
            throw new TaxonomyException(where + ": id '" + id + "' must be lower-case letters, digits and '-'", id, -1, null);
        }
        String tagWhere = source + ": tag '" + id + "' (tags[" + index + "])";
        rejectUnknown(node, TAG_FIELDS, tagWhere);
        String label = text(node, "label", tagWhere);
        String description = text(node, "description", tagWhere);
        String rule = lists.expand(text(node, "rule", tagWhere), tagWhere);
        List<String> match = List.of();
        List<String> noMatch = List.of();
        JsonNode examples = node.get("examples");
        if (examples != null && !examples.isNull()) {
            if (!examples.isObject()) {
                throw new TaxonomyException(tagWhere + ": 'examples' must be a mapping with 'match' and 'noMatch'", id, -1, null);
            }
            rejectUnknown(examples, EXAMPLE_FIELDS, tagWhere + " examples");
            match = texts(examples, "match", tagWhere, id);
            noMatch = texts(examples, "noMatch", tagWhere, id);
        }
        return new TagDefinition(id, label, description, rule, match, noMatch);
    }

    private static void checkRule(TagDefinition tag, int index, String source) {
        try {
            RuleMatcher.validate(new Rule(tag.id(), tag.rule()));
        } catch (RuleSyntaxException e) {
            String reason = e.getMessage().replaceFirst("^rule '.*?' at position \\d+: ", "");
            throw new TaxonomyException(source + ": tag '" + tag.id() + "' (tags[" + index + "]): bad rule at position "
                    + e.position() + ": " + reason + "\n  rule: " + tag.rule().replace('\n', ' ')
                    + "\n        " + " ".repeat(Math.max(0, e.position())) + "^", tag.id(), e.position(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TaxonomyException(where + ": missing '" + field + "'", idOf(node), -1, null);
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new TaxonomyException(where + ": '" + field + "' must be a non-empty text", idOf(node), -1, null);
        }
        return value.asText().strip();
    }

    private static List<String> texts(JsonNode node, String field, String where, String id) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new TaxonomyException(where + ": 'examples." + field + "' must be a list of texts", id, -1, null);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode()) {
                throw new TaxonomyException(where + ": 'examples." + field + "' must be a list of texts", id, -1, null);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new TaxonomyException(where + ": unknown field '" + name + "' (expected one of "
                        + known.stream().sorted().toList() + ")", idOf(node), -1, null);
            }
        }
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node.get("id");
        return id != null && id.isValueNode() ? id.asText() : null;
    }
}
