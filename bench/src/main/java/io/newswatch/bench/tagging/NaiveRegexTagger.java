package io.newswatch.bench.tagging;

import io.newswatch.enrich.taxonomy.TagDefinition;
import io.newswatch.enrich.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the benchmark compares against: what one would write without a rule engine, one
 * case-insensitive {@link java.util.regex.Pattern} per rule, tried in turn on every text. Each
 * pattern is the alternation of the rule's words and phrases ({@code \b(?:arms\W+sale|tomahawk\w*|...)\b});
 * it ignores AND, NOT and distances, so it does less than the real rules; it is a cost baseline, not a
 * correctness one.
 */
public final class NaiveRegexTagger {

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"(?:~\\d+)?|([^\\s()\"]+)");

    private final List<String> ids = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    public NaiveRegexTagger(Taxonomy taxonomy) {
        for (TagDefinition tag : taxonomy.tags()) {
            ids.add(tag.id());
            patterns.add(Pattern.compile("\\b(?:" + String.join("|", alternatives(tag.rule())) + ")\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    /** Ids of the rules whose pattern occurs in the text. */
    public List<String> tag(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(text).find()) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    static List<String> alternatives(String rule) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(rule);
        while (m.find()) {
            if (m.group(1) != null) {
                List<String> words = new ArrayList<>();
                for (String word : m.group(1).trim().split("\\s+")) {
                    words.add(word(word));
                }
                out.add(String.join("\\W+", words));
            } else {
                String token = m.group(2);
                String upper = token.toUpperCase(Locale.ROOT);
                if (upper.equals("AND") || upper.equals("OR") || upper.equals("NOT") || upper.startsWith("NEAR/")) {
                    continue;
                }
                out.add(word(token));
            }
        }
        return out;
    }

    private static String word(String word) {
        return word.endsWith("*") ? Pattern.quote(word.substring(0, word.length() - 1)) + "\\w*" : Pattern.quote(word);
    }
}
