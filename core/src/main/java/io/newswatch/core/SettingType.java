package io.newswatch.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the text of a setting becomes a value, and how a value is written back (for defaults in the docs). A parser
 * that throws makes {@link Settings#get} fail with "config key K: expected {@code expected}, got 'text' (from ...)".
 *
 * @param expected what a good value looks like, as the error message says it ("a whole number")
 * @param parser   text (trimmed, never blank) to value; throws on bad text
 * @param format   value back to the text a user would write
 * @param secret   the value may hold a secret (a URL with a token): error messages never repeat it, and say instead
 *                 what the parser found wrong
 */
public record SettingType<T>(String expected, Parser<T> parser, Function<T, String> format, boolean secret) {

    public SettingType(String expected, Parser<T> parser, Function<T, String> format) {
        this(expected, parser, format, false);
    }

    /** This type, for values that may hold a secret. */
    public SettingType<T> asSecret() {
        return new SettingType<>(expected, parser, format, true);
    }

    /** Text to value; any exception means the text is not a value of this type. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws Exception;
    }

    public static final SettingType<String> STRING = new SettingType<>("text", s -> s, s -> s);
    public static final SettingType<Integer> INT = new SettingType<>("a whole number", Integer::parseInt, String::valueOf);
    public static final SettingType<Long> LONG = new SettingType<>("a whole number", Long::parseLong, String::valueOf);
    public static final SettingType<Double> DOUBLE = new SettingType<>("a number", Double::parseDouble, SettingType::formatDecimal);
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("true or false", SettingType::parseBoolean, String::valueOf);
    public static final SettingType<Duration> DURATION = new SettingType<>("a duration like 30s, 5m, 2h, 7d, 500ms or PT5M",
            Settings::parseDuration, SettingType::formatDuration);
    /** A size in bytes: {@code 1048576}, {@code 512KB}, {@code 10MB}, {@code 1GiB}. */
    public static final SettingType<Long> BYTES = new SettingType<>("a size like 512KB, 10MB or 1048576", Settings::parseBytes,
            SettingType::formatBytes);
    /** A comma-separated (or YAML list) value as trimmed, non-empty items. */
    public static final SettingType<List<String>> LIST = new SettingType<>("a comma-separated list",
            s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList(), l -> String.join(", ", l));
    public static final SettingType<Path> PATH = new SettingType<>("a file or directory", Path::of, Path::toString);

    /** One of a few words, case-insensitive, read in lower case ({@code exactly_once_v2}). */
    public static SettingType<String> oneOf(String... words) {
        List<String> allowed = List.of(words);
        return new SettingType<>(String.join(" or ", allowed), s -> {
            String word = s.toLowerCase(Locale.ROOT);
            if (!allowed.contains(word)) {
                throw new IllegalArgumentException(s);
            }
            return word;
        }, s -> s);
    }

    /** A constant of {@code type}, written in lower case ({@code text} or {@code json}). */
    public static <E extends Enum<E>> SettingType<E> enumOf(Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
        return new SettingType<>(names, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)), e -> e.name().toLowerCase(Locale.ROOT));
    }

    /** A comma-separated list of {@code item}s. */
    public static <T> SettingType<List<T>> listOf(SettingType<T> item) {
        return new SettingType<>("a comma-separated list of " + item.expected(), s -> {
            List<String> texts = LIST.parser().parse(s);
            List<T> out = new ArrayList<>();
            for (String t : texts) {
                out.add(item.parser().parse(t));
            }
            return List.copyOf(out);
        }, l -> l.stream().map(item.format()).collect(Collectors.joining(", ")));
    }

    private static boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static String formatDecimal(Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) + ".0" : d.toString();
    }

    /** The largest unit that writes the duration exactly: {@code 7d}, {@code 48h}, {@code 30s}, {@code 500ms}. */
    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                long n = ms / units[i];
                // 48h reads better than 2d for what people think of in hours; keep days for whole weeks and single days.
                if (names[i].equals("d") && n % 7 != 0 && n != 1 && n <= 3) {
                    return n * 24 + "h";
                }
                return n + names[i];
            }
        }
        return ms + "ms";
    }

    static String formatBytes(Long bytes) {
        long mb = 1024L * 1024;
        if (bytes % (mb * 1024) == 0) {
            return bytes / (mb * 1024) + "GB";
        }
        if (bytes % mb == 0) {
            return bytes / mb + "MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return Long.toString(bytes);
    }
}
