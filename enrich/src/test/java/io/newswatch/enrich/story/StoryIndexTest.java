package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.enrich.EnrichSettings;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryIndexTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final String SUMMARY = "Russian President Vladimir Putin asked U.S. President Donald Trump not to supply Tomahawk"
            + " cruise missiles to Ukraine during a phone call on Thursday, the Kremlin said.";

    private final StoryIndex index = new StoryIndex(EnrichSettings.STORY_MAX_DISTANCE.defaultValue().orElseThrow(), Duration.ofHours(48),
            new StoryIndex.InMemoryBuckets());

    private String assign(String title, String summary, long timeMs, String ownId) {
        return index.assign(StoryFingerprint.of(title, summary).getAsLong(), timeMs, ownId);
    }

    @Test
    @DisplayName("wire copy under another outlet's name joins the first article's story")
    void wireCopy() {
        assertThat(assign("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY, 0, "s1")).isEqualTo("s1");
        assertThat(assign("Putin urges Trump not to send Tomahawks to Ukraine - Reuters", SUMMARY, HOUR, "s2")).isEqualTo("s1");
        assertThat(assign("Opinion | Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY.replace("Thursday", "Thursday evening"),
                2 * HOUR, "s3")).isEqualTo("s1");
    }

    @Test
    @DisplayName("a lightly edited title over the same summary joins the story")
    void lightlyEditedTitle() {
        assign("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY, 0, "s1");

        assertThat(assign("Putin urged Trump not to send Tomahawk missiles to Kyiv", SUMMARY, HOUR, "s2")).isEqualTo("s1");
        assertThat(assign("Earthquake of magnitude 6.1 strikes eastern Turkey",
                "A strong earthquake struck eastern Turkey on Monday, damaging buildings in several villages, officials said.", 0, "q1"))
                .isEqualTo("q1");
        assertThat(assign("Strong earthquake of magnitude 6.1 strikes eastern Turkey",
                "A strong earthquake struck eastern Turkey on Monday, damaging buildings in several villages, officials said.", HOUR, "q2"))
                .isEqualTo("q1");
    }

    @Test
    @DisplayName("different stories on the same topic keep their own ids")
    void differentStoriesStayApart() {
        assign("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY, 0, "s1");

        assertThat(assign("Trump says he may meet Putin in Budapest within two weeks",
                "The US president said the summit in Hungary would focus on ending the war in Ukraine.", HOUR, "s2")).isEqualTo("s2");
        assertThat(assign("UK inflation falls to 3.2% in March",
                "Consumer price inflation fell to 3.2% in March from 3.4% in February, the ONS said.", HOUR, "i1")).isEqualTo("i1");
        assertThat(assign("UK inflation rises to 3.4% in February",
                "Consumer price inflation rose to 3.4% in February from 4.0% in January, the ONS said.", HOUR, "i2")).isEqualTo("i2");
    }

    @Test
    @DisplayName("a copy beyond the horizon starts a new story")
    void horizon() {
        assign("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY, 0, "s1");

        assertThat(assign("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY, 49 * HOUR, "s2")).isEqualTo("s2");
    }

    @Test
    @DisplayName("banding finds every earlier fingerprint within the distance (pigeonhole), never one beyond it")
    void lshHasNoFalseMisses() {
        Random random = new Random(42);
        int k = 6;
        for (int trial = 0; trial < 2000; trial++) {
            StoryIndex fresh = new StoryIndex(k, Duration.ofHours(1), new StoryIndex.InMemoryBuckets());
            long a = random.nextLong();
            fresh.assign(a, 0, "a");
            int flips = random.nextInt(k + 4);
            long b = a;
            while (SimHash.distance(a, b) < flips) {
                b ^= 1L << random.nextInt(64);
            }
            String story = fresh.assign(b, 1, "b");
            assertThat(story).as("distance %d", flips).isEqualTo(flips <= k ? "a" : "b");
        }
    }

    @Test
    @DisplayName("entries refiled after a restart are found again; expired ones can be swept from the buckets")
    void refileAndSweep() {
        StoryIndex.InMemoryBuckets buckets = new StoryIndex.InMemoryBuckets();
        StoryIndex restarted = new StoryIndex(6, Duration.ofHours(48), buckets);
        long fingerprint = StoryFingerprint.of("Putin urges Trump not to send Tomahawks to Ukraine", SUMMARY).getAsLong();
        restarted.file(new StoryIndex.StoryEntry(fingerprint, 0, "s1"));

        assertThat(restarted.assign(fingerprint ^ 0b101, HOUR, "s2")).isEqualTo("s1");
        buckets.removeIf(e -> restarted.isExpired(e.eventTimeMs(), 49 * HOUR));
        assertThat(buckets.size()).as("the second entry, filed at 1h, is still within 48h of 49h").isEqualTo(7);
    }

    @Test
    @DisplayName("a distance outside 0..15 is refused")
    void badDistance() {
        assertThatThrownBy(() -> new StoryIndex(16, Duration.ofHours(1), new StoryIndex.InMemoryBuckets())).hasMessageContaining("between 0 and 15");
    }

    @Test
    @DisplayName("texts under three words get no fingerprint; story ids are short, stable and derived from the first article")
    void fingerprintsAndIds() {
        assertThat(StoryFingerprint.of("Live updates", "")).isEmpty();
        assertThat(StoryIds.forFirstArticle("https://example.com/a")).isEqualTo(StoryIds.forFirstArticle("https://example.com/a"))
                .matches("story-[0-9a-f]{16}");
    }
}
