package io.newswatch.app.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did, for the lines printed at its end and for tests.
 *
 * @param topic          where the articles went
 * @param files          files read, by form
 * @param skippedFiles   files inside directories that were not read (names with none of the import's extensions)
 * @param recordsRead    lines, rows and feed items read, bad ones included
 * @param written        articles written (each id once)
 * @param bad            bad lines, rows, items and files (each reported as FILE:LINE: reason)
 * @param duplicates     articles whose id came up again in the input: written once, the earliest in event time
 * @param fromPublished  articles whose event time is their publish time
 * @param fromFetched    articles whose event time is their capture (fetch) time: publish time missing or implausible
 * @param firstEventTime earliest event time written, or null when nothing was
 * @param lastEventTime  latest event time written, or null
 * @param spills         sorted chunks spilled to temporary files (0: sorted in memory)
 * @param reading        reading, normalizing and sorting (chunks), before the first write
 * @param took           the whole import, reading to last acknowledgement
 */
public record ImportSummary(String topic, Map<InputForm, Integer> files, int skippedFiles, long recordsRead, long written, long bad,
                            long duplicates, long fromPublished, long fromFetched, Instant firstEventTime, Instant lastEventTime,
                            int spills, Duration reading, Duration took) {

    public ImportSummary {
        files = Map.copyOf(files);
    }

    public int fileCount() {
        return files.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double articlesPerSecond() {
        return written / Math.max(took.toNanos() / 1e9, 1e-3);
    }

    /** The summary as printed: a headline, then one indented line per aspect. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "imported %,d articles into %s in %.1f s (%,.0f articles/s)", written, topic,
                took.toNanos() / 1e9, articlesPerSecond()));
        out.add(String.format(Locale.ROOT, "  read %,d lines/items from %d file%s (%d JSON lines, %d CSV, %d feeds)%s", recordsRead,
                fileCount(), fileCount() == 1 ? "" : "s", files.getOrDefault(InputForm.JSON_LINES, 0), files.getOrDefault(InputForm.CSV, 0),
                files.getOrDefault(InputForm.FEED, 0), skippedFiles == 0 ? "" : "; skipped " + skippedFiles
                + " other files in directories"));
        out.add(String.format(Locale.ROOT, "  bad: %,d; duplicates within the input: %,d (written once)", bad, duplicates));
        out.add(firstEventTime == null ? "  event time: none written"
                : String.format(Locale.ROOT,
                        "  event time %s to %s (of the articles read, %,d from published, %,d from captured/fetch time)", firstEventTime,
                        lastEventTime, fromPublished, fromFetched));
        out.add(String.format(Locale.ROOT, "  %.1f s reading and sorting%s, %.1f s merging and writing", reading.toNanos() / 1e9,
                spills == 0 ? " in memory" : " (" + (spills + 1) + " chunks, " + spills + " spilled to temporary files, now deleted)",
                (took.toNanos() - reading.toNanos()) / 1e9));
        return out;
    }
}
