package io.newswatch.enrich.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a title and summary into the word features that near-duplicate detection compares.
 *
 * <p>Outlets dress the same wire story differently: a rubric in front ("Opinion |", "LIVE:", "Analysis -"),
 * their own name behind ("... - Reuters", "... | The Guardian"), other capitalisation and punctuation.
 * Those are removed; the remaining words are lower-cased, accents dropped, stop words left out, common
 * English endings cut ("urges", "urged" and "urging" all become "urg"), and each word and each pair of
 * neighbouring words becomes a feature. Words carry the topic; pairs carry the phrasing, so two different
 * stories about the same topic stay apart.
 */
public final class StoryText {

    private static final Pattern RUBRIC = Pattern.compile(
            "^\\s*(opinion|analysis|comment|editorial|live|live updates|live blog|breaking|breaking news|watch|video|exclusive"
                    + "|update|updated|explainer|factbox|fact check|in pictures|podcast|newsletter)\\s*[:|\\-–—]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** " - Reuters", " | The Guardian", " — BBC News": up to five words after a dash or bar at the end. */
    private static final Pattern SOURCE_SUFFIX = Pattern.compile("\\s+[|\\-–—]\\s+[\\p{L}\\p{N}.&' ]{2,40}$");
    /** The words RUBRIC starts with, for a cheap test that it cannot match (most titles have no rubric). */
    private static final List<String> RUBRIC_STARTS = List.of("opinion", "analysis", "comment", "editorial", "live", "breaking", "watch",
            "video", "exclusive", "update", "explainer", "factbox", "fact check", "in pictures", "podcast", "newsletter");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her",
            "his", "in", "into", "is", "it", "its", "of", "on", "or", "s", "says", "said", "she", "that", "the", "their", "they",
            "this", "to", "was", "were", "will", "with", "would", "after", "over", "about", "new", "more", "than", "who", "what");

    private StoryText() {
    }

    /** The title without rubric prefixes and source suffixes. */
    public static String cleanTitle(String title) {
        String t = title == null ? "" : title.strip();
        String previous;
        do {
            previous = t;
            if (mayStartWithRubric(t)) {
                t = RUBRIC.matcher(t).replaceFirst("");
            }
        } while (!t.equals(previous));
        String withoutSuffix = withoutSourceSuffix(t);
        // Keep the suffix when it was most of the title ("Ukraine - live"): only strip a tail, not a head.
        if (withoutSuffix.length() >= 12 && wordCount(t.substring(withoutSuffix.length())) <= 5) {
            t = withoutSuffix;
        }
        return t.strip();
    }

    /**
     * {@code t} without what {@link #SOURCE_SUFFIX} matches, searched only where a match can start. The suffix's words hold
     * no dash or bar, so its separator is the last dash or bar of the title, and the match starts at the whitespace just
     * before it; a title with no such separator needs no search at all. (Searched from every position, the pattern's
     * backtracking over up to 40 characters was a third of story fingerprinting.)
     */
    static String withoutSourceSuffix(String t) {
        int separator = -1;
        for (int i = t.length() - 1; i > 0 && separator < 0; i--) {
            char c = t.charAt(i);
            if (c == '|' || c == '-' || c == '–' || c == '—') {
                separator = i;
            }
        }
        if (separator < 1 || !isPatternSpace(t.charAt(separator - 1))) {
            return t;
        }
        int start = separator - 1;
        while (start > 0 && isPatternSpace(t.charAt(start - 1))) {
            start--;
        }
        Matcher m = SOURCE_SUFFIX.matcher(t);
        return m.find(start) ? t.substring(0, m.start()) : t;
    }

    /** What {@code \s} matches in a pattern without UNICODE_CHARACTER_CLASS. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * False when RUBRIC cannot match {@code t}: after its leading {@code \s} characters, no rubric word starts there
     * (compared ignoring case, which accepts at least what the pattern's ASCII-only case folding does).
     */
    private static boolean mayStartWithRubric(String t) {
        int i = 0;
        while (i < t.length() && " \t\n\u000B\f\r".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        for (String word : RUBRIC_STARTS) {
            if (t.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static int wordCount(String s) {
        String trimmed = s.strip();
        // String.split with this pattern, without compiling it each time.
        return trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length;
    }

    /** Normalised words of the cleaned title and the summary, stop words removed. */
    public static List<String> words(String title, String summary) {
        String text = cleanTitle(title) + " " + (summary == null ? "" : summary);
        List<String> words = new ArrayList<>();
        if (isPlain(text)) {
            plainWords(text, words);
            return words;
        }
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String w : NON_WORD.split(folded)) {
            add(w, words);
        }
        return words;
    }

    private static void add(String word, List<String> words) {
        if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
            words.add(stem(word));
        }
    }

    /**
     * True when the text has only ASCII, no-break spaces and General Punctuation (curly quotes, dashes, ellipses): the
     * common case, where the full folding (Unicode decomposition, removal of combining marks, then a split on anything
     * but letters and digits) is plain ASCII lower-casing and a split on anything but ASCII letters and digits, since
     * none of those non-ASCII characters is a letter, a digit or a combining mark, or decomposes into one.
     */
    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c != 0xA0 && (c < 0x2000 || c > 0x206F)) {
                return false;
            }
        }
        return true;
    }

    /** The words of a text for which {@link #isPlain} holds, as the full folding would give them, about ten times faster. */
    private static void plainWords(String text, List<String> words) {
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                word.append((char) (c + ('a' - 'A')));
            } else if (!word.isEmpty()) {
                add(word.toString(), words);
                word.setLength(0);
            }
        }
    }

    /**
     * Cuts "-ing", "-ed", "-es" and "-s" from longer words. Crude next to a real stemmer, but headline edits
     * are mostly tense and number ("strikes" / "struck" aside), and the same cut on both sides is all
     * that matters for comparing two texts.
     */
    static String stem(String word) {
        int n = word.length();
        if (n > 5 && word.endsWith("ing")) {
            return word.substring(0, n - 3);
        }
        if (n > 4 && (word.endsWith("ed") || word.endsWith("es"))) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    /** Each word, and each pair of neighbouring words joined by a space. */
    public static List<String> features(List<String> words) {
        List<String> features = new ArrayList<>(words.size() * 2);
        features.addAll(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            features.add(words.get(i) + " " + words.get(i + 1));
        }
        return features;
    }
}
