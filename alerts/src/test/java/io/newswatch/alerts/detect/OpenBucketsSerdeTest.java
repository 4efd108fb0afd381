package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.JsonSerde;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a watch's open buckets' state-store bytes")
class OpenBucketsSerdeTest {

    private final OpenBucketsSerde serde = new OpenBucketsSerde();

    private static Hit hit(String id, String source, String story, String time) {
        return new Hit(id, Instant.parse(time), source, source + " name", story, "Tomahawk — über alles " + id,
                "https://example.com/" + id);
    }

    /** Two buckets, several sources, a story seen before, a late article: every field set, none to its default. */
    private static OpenBuckets open() {
        OpenBuckets open = new OpenBuckets();
        BucketTally first = new BucketTally();
        for (int i = 0; i < 40; i++) { // past the first growth of the id tables
            first.add(hit("a" + i, "s" + (i % 3), "story-" + (i / 2), "2023-11-26T12:0" + (i % 10) + ":04.123456789Z"), i == 7);
        }
        BucketTally second = new BucketTally();
        second.add(new Hit("b1", Instant.parse("2023-11-26T12:10:00Z"), "s9", "s9", null, null, null), false);
        open.tallies.put(2_833_332L, first);
        open.tallies.put(2_833_333L, second);
        open.lateArticles = 2;
        return open;
    }

    @Test
    @DisplayName("the sample sets every field of the open buckets and their tallies, so that the round trips cover them all")
    void sampleSetsEveryField() throws IllegalAccessException {
        OpenBuckets open = open();
        BucketTally tally = open.tallies.firstEntry().getValue();
        for (Object o : new Object[] {open, tally, tally.sources.firstEntry().getValue()}) {
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value = f.get(o);
                assertThat(value).as(f.getName()).isNotNull().isNotEqualTo(0L).isNotEqualTo(0);
                if (value instanceof Map<?, ?> m) {
                    assertThat(m).as(f.getName()).isNotEmpty();
                }
                if (value instanceof IdHashes h) {
                    assertThat(h.size()).as(f.getName()).isPositive();
                }
            }
        }
    }

    @Test
    @DisplayName("a round trip gives back every field, and the tally goes on counting as before")
    void roundTripIsExact() {
        OpenBuckets open = open();
        OpenBuckets back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", open));
        SameIdSets.assertSameState(back, open);

        BucketTally tally = back.tallies.firstEntry().getValue();
        assertThat(tally.add(hit("a3", "s0", "story-1", "2023-11-26T12:05:00Z"), false)).as("an article already counted").isFalse();
        assertThat(tally.add(hit("a99", "s0", "story-1", "2023-11-26T12:05:00Z"), false)).isTrue();
        assertThat(tally.counted(100)).as("story-1 was counted before the round trip").isEqualTo(open.tallies.firstEntry().getValue()
                .counted(100));
    }

    @Test
    @DisplayName("text with half a character (a lone surrogate, as a cut title may hold) comes back exactly, not as '?'")
    void loneSurrogatesSurvive() {
        OpenBuckets open = new OpenBuckets();
        BucketTally tally = new BucketTally();
        tally.add(new Hit("a\uD83D", Instant.parse("2023-11-26T12:00:00Z"), "s\uDE00", "name \uD83D\uDE00 ok", "story",
                "cut title \uD83D", "https://example.com/\uDE00x"), false);
        open.tallies.put(1L, tally);
        SameIdSets.assertSameState(serde.deserializer().deserialize("t", serde.serializer().serialize("t", open)), open);
    }

    @Test
    @DisplayName("truncated bytes, and bytes left over after the value, are refused by name")
    void refusesTruncatedAndLeftOverBytes() {
        byte[] bytes = serde.serializer().serialize("t", open());
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .hasMessageContaining("open buckets state: truncated");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 2)))
                .hasMessageContaining("open buckets state: 2 bytes left over");
    }

    @Test
    @DisplayName("no open bucket survives a round trip")
    void empty() {
        OpenBuckets open = new OpenBuckets();
        SameIdSets.assertSameState(serde.deserializer().deserialize("t", serde.serializer().serialize("t", open)), open);
    }

    @Test
    @DisplayName("open buckets written as JSON by an earlier version are still read, and the binary form is smaller; an unknown format"
            + " is refused by name")
    void readsEarlierJsonAndRefusesUnknown() {
        OpenBuckets open = open();
        byte[] json = JsonSerde.withDataKeys(OpenBuckets.class).serialize("t", open);
        SameIdSets.assertSameState(serde.deserializer().deserialize("t", json), open);
        assertThat(serde.serializer().serialize("t", open).length).isLessThan(json.length);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .hasMessageContaining("open buckets state: unknown format 9");
    }
}
