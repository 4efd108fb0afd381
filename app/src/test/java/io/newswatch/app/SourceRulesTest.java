package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code rules of docs/DEVELOPING.md that a reader of the source can check, over every module's production sources
 * ({@code <module>/src/main/java}, read from the project root): no line over 140 characters, and no class named by its
 * fully qualified name inside the code (imports say where a class comes from; comments and strings may name anything).
 */
@DisplayName("source rules: lines of at most 140 characters, no fully qualified class names inline")
class SourceRulesTest {

    static final int MAX_LINE = 140;

    /** A qualified name whose last part is a class: {@code java.util.List}, {@code org.apache.kafka.common.utils.Bytes}. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "(?<![\\w.])(?:java|javax|jakarta|org|com|io|net|ch|picocli|sun|jdk)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

    private static List<Path> sources;

    @BeforeAll
    static void readSources() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).flatMap(SourceRulesTest::javaFiles)
                    .sorted().toList();
        }
        assertThat(sources).as("production sources under " + root).hasSizeGreaterThan(100);
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("no line is longer than 140 characters")
    void shortLines() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_LINE) {
                    offenders.add(where(file, i) + " has " + lines.get(i).length() + " characters");
                }
            }
        }
        assertThat(offenders).as("lines over " + MAX_LINE + " characters").isEmpty();
    }

    @Test
    @DisplayName("code names classes through imports, not by their fully qualified names")
    void noQualifiedNamesInline() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources) {
            String[] code = codeOnly(Files.readString(file, StandardCharsets.UTF_8)).split("\n", -1);
            for (int i = 0; i < code.length; i++) {
                String line = code[i].strip();
                if (line.startsWith("package ") || line.startsWith("import ")) {
                    continue;
                }
                Matcher m = QUALIFIED_CLASS.matcher(code[i]);
                while (m.find()) {
                    offenders.add(where(file, i) + ": " + m.group());
                }
            }
        }
        assertThat(offenders).as("fully qualified class names in code; import them").isEmpty();
    }

    @Test
    @DisplayName("the check sees code only: comments, strings and text blocks are blanked, line by line")
    void codeOnlyKeepsLines() {
        String source = """
                import java.util.List;
                /** {@link java.util.Map} */
                String s = "java.util.Set"; // java.util.Queue
                var x = new java.util.ArrayList<String>(); char c = '"';
                String t = \"""
                    java.util.Deque
                    \""";
                """;
        String[] lines = codeOnly(source).split("\n", -1);
        assertThat(lines).hasSize(source.split("\n", -1).length);
        assertThat(String.join("\n", lines)).doesNotContain("Map", "Set", "Queue", "Deque").contains("java.util.ArrayList");
        assertThat(QUALIFIED_CLASS.matcher(lines[3]).results().map(r -> r.group()).toList()).containsExactly("java.util.ArrayList");
        assertThat(QUALIFIED_CLASS.matcher("a.io.Foo x; settings.get(Foo.BAR); org.Foo y;").find()).isFalse();
    }

    /** The source with comments, string and char literals and text blocks replaced by spaces; line breaks kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                blank(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                blank(source, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the literal that starts before {@code from} ends ({@code quote} included), skipping escaped characters. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
    }

    private static String where(Path file, int lineIndex) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        return root.relativize(file.toAbsolutePath().normalize()) + ":" + (lineIndex + 1);
    }
}
