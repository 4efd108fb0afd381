package io.newswatch.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a response says about when to come back: {@code Retry-After} and {@code Cache-Control: max-age}. */
final class ResponseDirectives {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d{1,10})\"?", Pattern.CASE_INSENSITIVE);

    private ResponseDirectives() {
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date, relative to {@code now}; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").map(v -> parseRetryAfter(v, now)).orElse(null);
    }

    static Duration parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,10}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, when);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code Cache-Control: max-age}, unless {@code no-store}/{@code no-cache}; null when absent. */
    static Duration maxAge(HttpHeaders headers) {
        String value = String.join(",", headers.allValues("Cache-Control"));
        if (value.isEmpty() || value.toLowerCase(Locale.ROOT).contains("no-store") || value.toLowerCase(Locale.ROOT).contains("no-cache")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(value);
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }

    /** The charset parameter of a Content-Type, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String c = p.substring(8).trim();
                if (c.length() >= 2 && (c.startsWith("\"") || c.startsWith("'"))) {
                    c = c.substring(1, c.length() - 1);
                }
                return c.isEmpty() ? null : c;
            }
        }
        return null;
    }
}
