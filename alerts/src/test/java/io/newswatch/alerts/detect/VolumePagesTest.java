package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the stream volume in pages: what changed, and its bytes")
class VolumePagesTest {

    private static final long SLOT = StreamVolume.SLOT_MS;
    private static final long T0 = 1_700_000_000_000L;

    /** Two days of uneven slots, two baseline memories, some slots final, some pruned. */
    private static StreamVolume volume() {
        StreamVolume v = new StreamVolume(Duration.ofDays(2), Duration.ofDays(7));
        v.track(Duration.ofDays(30));
        for (int i = 0; i < 900; i++) {
            v.add(StreamVolume.slotOf(T0 + i * SLOT), 1 + (i * 7919L) % 13);
        }
        v.finalizeThrough(T0 + 800 * SLOT);
        v.prune(T0 + 800 * SLOT);
        return v;
    }

    private static StreamVolume readBack(StreamVolume v) {
        List<byte[]> pages = new ArrayList<>();
        for (long page : VolumePages.pagesOf(v)) {
            pages.add(VolumePages.page(v, page));
        }
        return VolumePages.read(VolumePages.meta(v), pages);
    }

    @Test
    @DisplayName("every page and the meta entry give back the very same counts and decayed totals, to the last bit")
    void roundTripIsExact() {
        StreamVolume v = volume();
        StreamVolume back = readBack(v);
        assertThat(back.counts).isEqualTo(v.counts);
        assertThat(back.decayedTotals).isEqualTo(v.decayedTotals);
        assertThat(back.firstSlotStartMs()).isEqualTo(v.firstSlotStartMs());
        assertThat(back.finalUntilMs()).isEqualTo(v.finalUntilMs());
        assertThat(back.retentionMs()).isEqualTo(v.retentionMs());
        assertThat(back.changedPages().isEmpty()).as("a volume read back has nothing to write").isTrue();
        long at = v.finalUntilMs() - 3 * SLOT;
        assertThat(back.decayedTotalAt(at, Duration.ofDays(30))).isEqualTo(v.decayedTotalAt(at, Duration.ofDays(30)));
    }

    @Test
    @DisplayName("a volume with no slot yet keeps its tracked baseline memories")
    void empty() {
        StreamVolume v = new StreamVolume(Duration.ofDays(2), Duration.ofDays(7));
        assertThat(VolumePages.pagesOf(v)).isEmpty();
        StreamVolume back = readBack(v);
        assertThat(back.decayedTotals).isEqualTo(v.decayedTotals).containsOnlyKeys(Duration.ofDays(7).toMillis());
        assertThat(back.finalUntilMs()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    @DisplayName("a count marks only its slot's page; a slot becoming final marks its page and the meta entry")
    void onlyWhatChangedIsMarked() {
        StreamVolume v = volume();
        v.changedPages().clear();
        long slot = StreamVolume.slotOf(T0 + 850 * SLOT);
        v.add(slot, 3);
        assertThat(v.changedPages().pages()).containsExactly(VolumePages.pageOf(slot));
        assertThat(v.changedPages().metaChanged()).isFalse();

        v.changedPages().clear();
        v.finalizeThrough(T0 + 802 * SLOT); // slots 800 and 801 become final
        assertThat(v.changedPages().pages()).containsExactlyElementsOf(new TreeSet<>(List.of(
                VolumePages.pageOf(StreamVolume.slotOf(T0 + 800 * SLOT)), VolumePages.pageOf(StreamVolume.slotOf(T0 + 801 * SLOT)))));
        assertThat(v.changedPages().metaChanged()).isTrue();

        v.changedPages().clear();
        v.add(StreamVolume.slotOf(T0 + 700 * SLOT), 1); // final already: refused, nothing changes
        assertThat(v.changedPages().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("pruning marks the pages it empties, and an empty page has no bytes (its entry is deleted)")
    void pruneEmptiesPages() {
        StreamVolume v = volume();
        long oldestPage = VolumePages.pagesOf(v).first();
        v.changedPages().clear();
        v.prune(T0 + 800 * SLOT + Duration.ofHours(3).toMillis());
        assertThat(v.changedPages().pages()).contains(oldestPage);
        assertThat(VolumePages.page(v, oldestPage)).isNull();
        assertThat(VolumePages.pagesOf(v)).doesNotContain(oldestPage);
        assertThat(readBack(v).counts).isEqualTo(v.counts);
        assertThat(readBack(v).decayedTotals).isEqualTo(v.decayedTotals);
    }

    @Test
    @DisplayName("a baseline memory tracked later marks every page with a final slot, and the meta entry")
    void trackingLaterMarksFinalPages() {
        StreamVolume v = volume();
        v.changedPages().clear();
        v.track(Duration.ofDays(3));
        assertThat(v.changedPages().metaChanged()).isTrue();
        assertThat(v.changedPages().pages()).containsAll(VolumePages.pagesOf(v).headSet(
                VolumePages.pageOf(StreamVolume.slotOf(v.finalUntilMs() - SLOT)), true));
        assertThat(readBack(v).decayedTotals).isEqualTo(v.decayedTotals);
    }

    @Test
    @DisplayName("a page is an hour of slots: a put costs a few hundred bytes, not the whole volume")
    void pageIsSmall() {
        StreamVolume v = volume();
        long page = VolumePages.pageOf(StreamVolume.slotOf(T0 + 790 * SLOT));
        assertThat(VolumePages.page(v, page).length).isLessThan(700);
        assertThat(new StreamVolumeSerde().serializer().serialize("t", v).length).isGreaterThan(20_000);
    }
}
