package io.newswatch.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.JsonSerde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdHashesTest {

    @Test
    @DisplayName("adds each id once, through growth, and survives a JSON round trip inside the detector state")
    void setSemanticsAndRoundTrip() {
        IdHashes s = new IdHashes();
        for (int i = 0; i < 5000; i++) {
            assertThat(s.add("article-" + i)).isTrue();
        }
        assertThat(s.add("article-42")).isFalse();
        assertThat(s.size()).isEqualTo(5000);

        OpenBuckets state = new OpenBuckets();
        BucketTally t = new BucketTally();
        t.articleIds = s;
        state.tallies.put(7L, t);
        JsonSerde<OpenBuckets> serde = JsonSerde.of(OpenBuckets.class);
        OpenBuckets back = serde.deserialize("t", serde.serialize("t", state));
        IdHashes restored = back.tallies.get(7L).articleIds;
        assertThat(restored.size()).isEqualTo(5000);
        assertThat(restored.add("article-4999")).isFalse();
        assertThat(restored.add("article-5000")).isTrue();
        assertThat(restored.contains("article-17")).isTrue();
        assertThat(restored.contains("article-x")).isFalse();
    }
}
