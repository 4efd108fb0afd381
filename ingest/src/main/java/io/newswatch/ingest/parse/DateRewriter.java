package io.newswatch.ingest.parse;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the text of every date element ({@code pubDate}, {@code dc:date}, {@code published},
 * {@code updated}, ...) into one unambiguous form, {@code 2025-10-16T08:30:00Z}, before Rome parses the
 * feed. Why: Rome's date parser knows a fixed list of masks and silently misreads some variants (a
 * two-digit year read as year 25 AD); {@link FeedDates} reads the real world's variants, so it decides,
 * and Rome only ever sees a date it parses exactly. Dates {@link FeedDates} cannot read are left as they
 * were.
 */
final class DateRewriter {

    private static final Pattern DATE_ELEMENT = Pattern.compile(
            "<((?:[A-Za-z][\\w.-]*:)?(?:pubDate|date|published|updated|issued|modified|created|lastBuildDate))(\\s[^>]*)?>"
                    + "([^<]{1,80})</\\1>");

    private DateRewriter() {
    }

    static String rewrite(String xml) {
        Matcher m = DATE_ELEMENT.matcher(xml);
        if (!m.find()) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length());
        int last = 0;
        do {
            Instant when = FeedDates.parse(m.group(3));
            if (when != null) {
                // Milliseconds at most: Rome reads any fraction as milliseconds (".123456" would add two minutes).
                out.append(xml, last, m.start(3)).append(DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.MILLIS)));
                last = m.end(3);
            }
        } while (m.find());
        out.append(xml, last, xml.length());
        return out.toString();
    }
}
