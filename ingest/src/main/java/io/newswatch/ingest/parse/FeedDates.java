package io.newswatch.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates feeds actually carry, which are far looser than RFC 822 and ISO 8601 promise:
 * optional day names, full or abbreviated month names, two-digit years, missing seconds, fractional
 * seconds, named zones ({@code EST}, {@code GMT}, {@code Z}), numeric zones with or without a colon,
 * and no zone at all (read as UTC, the least surprising guess for a machine-written feed).
 *
 * <p>Returns null for anything it cannot read; the caller then falls back to fetch time.
 */
public final class FeedDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** RFC 822 zone names plus the few others seen in news feeds; offsets in minutes. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("BST", 60), Map.entry("IST", 330), Map.entry("CET", 60), Map.entry("CEST", 120),
            Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180), Map.entry("JST", 540),
            Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480), Map.entry("AEST", 600),
            Map.entry("AEDT", 660));

    // [Day,] d Mon yy[yy] HH:mm[:ss[.fff]] [zone]
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(?:([+-])(\\d{2}):?(\\d{2})|([A-Za-z]{1,5})(?:\\s*([+-])(\\d{2}):?(\\d{2}))?)?\\s*(?:\\([^)]*\\))?");

    // yyyy-MM-dd[(T| )HH:mm[:ss[.f]]][Z|±hh[:mm]|±hhmm] and the compact yyyyMMdd form
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})"
                    + "(?:[Tt\\s]+(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(?:([Zz])|(?:GMT|UTC)?([+-])(\\d{2})(?::?(\\d{2}))?|(GMT|UTC))?");

    private FeedDates() {
    }

    /** The instant a feed date string denotes, or null when it is empty or unreadable. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 80) {
            return null;
        }
        try {
            if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && s.length() >= 8 && Character.isDigit(s.charAt(3))) {
                Instant iso = parseIso(s);
                if (iso != null) {
                    return iso;
                }
            }
            return parseRfc822(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (m.group(4) == null) {
            return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int offsetMinutes = 0;
        if (m.group(9) != null) {
            int sign = m.group(9).equals("-") ? -1 : 1;
            offsetMinutes = sign * (Integer.parseInt(m.group(10)) * 60 + (m.group(11) == null ? 0 : Integer.parseInt(m.group(11))));
        }
        return toInstant(year, month, day, m.group(4), m.group(5), m.group(6), m.group(7), offsetMinutes);
    }

    private static Instant parseRfc822(String s) {
        Matcher m = RFC822.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int day = Integer.parseInt(m.group(1));
        String monthName = m.group(2).toLowerCase(Locale.ROOT);
        Integer month = MONTHS.get(monthName.substring(0, 3));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 2822 section 4.3
        } else if (m.group(3).length() == 3) {
            year += 1900; // RFC 2822 obsolete three-digit years
        }
        int offsetMinutes = 0;
        if (m.group(8) != null) {
            offsetMinutes = signed(m.group(8), m.group(9), m.group(10));
        } else if (m.group(11) != null) {
            Integer zone = ZONES.get(m.group(11).toUpperCase(Locale.ROOT));
            if (zone == null) {
                return null; // an unknown zone is a guess we will not make
            }
            offsetMinutes = zone + (m.group(12) == null ? 0 : signed(m.group(12), m.group(13), m.group(14)));
        }
        if (m.group(4) == null) {
            return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        }
        return toInstant(year, month, day, m.group(4), m.group(5), m.group(6), m.group(7), offsetMinutes);
    }

    private static int signed(String sign, String hours, String minutes) {
        int value = Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
        return sign.equals("-") ? -value : value;
    }

    private static Instant toInstant(int year, int month, int day, String hh, String mm, String ss, String fraction, int offsetMinutes) {
        int hour = Integer.parseInt(hh);
        int minute = Integer.parseInt(mm);
        int second = ss == null ? 0 : Integer.parseInt(ss);
        long extraDays = 0;
        if (hour == 24 && minute == 0 && second == 0) { // ISO 8601 end of day
            hour = 0;
            extraDays = 1;
        }
        if (second == 60) { // leap second: clamp rather than refuse
            second = 59;
        }
        int nanos = 0;
        if (fraction != null) {
            nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos).plusDays(extraDays);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }
}
