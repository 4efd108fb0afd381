package io.newswatch.enrich.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named parts of rules that several tags or several places of one rule share, declared once under the taxonomy's
 * {@code lists:} and written {@code @name} in a rule: {@code leaders: putin OR xi OR "prime minister"} and
 * {@code @leaders BEFORE/8 (meet BEFORE/4 @leaders)}. A reference becomes the list's text in parentheses before the
 * rule is compiled, so the rule language itself does not change and a watch query never sees a list. A list may use
 * lists declared above it (so no reference can loop); a reference to an undeclared list fails the load.
 */
final class RuleLists {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** {@code @name} where a word may start: at the start, after a space, a parenthesis or a quote. */
    private static final Pattern REFERENCE = Pattern.compile("(?<=^|[\\s(\"])@([a-z][a-z0-9-]*)");

    static final RuleLists NONE = new RuleLists(Map.of());

    private final Map<String, String> lists;

    private RuleLists(Map<String, String> lists) {
        this.lists = lists;
    }

    /** The {@code lists:} mapping of a taxonomy file, each list expanded with the ones above it; null gives none. */
    static RuleLists parse(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new TaxonomyException(source + ": 'lists' must be a mapping from list name to rule text");
        }
        Map<String, String> lists = new LinkedHashMap<>();
        RuleLists above = new RuleLists(lists);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            String where = source + ": list '" + name + "'";
            if (!NAME.matcher(name).matches()) {
                throw new TaxonomyException(where + ": a list name is lower-case letters, digits and '-', starting with a letter");
            }
            JsonNode value = entry.getValue();
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new TaxonomyException(where + ": must be a non-empty text");
            }
            lists.put(name, above.expand(value.asText().strip(), where));
        }
        return new RuleLists(Map.copyOf(lists));
    }

    /** The rule with every {@code @name} replaced by the list's text in parentheses. */
    String expand(String rule, String where) {
        if (rule.indexOf('@') < 0) {
            return rule;
        }
        Matcher m = REFERENCE.matcher(rule);
        StringBuilder out = new StringBuilder(rule.length() * 2);
        while (m.find()) {
            String text = lists.get(m.group(1));
            if (text == null) {
                throw new TaxonomyException(where + ": '@" + m.group(1) + "' names no list declared above it (lists: "
                        + lists.keySet() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(" + text + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
