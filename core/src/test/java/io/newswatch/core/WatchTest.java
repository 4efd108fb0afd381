package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a watch: given as a WatchInput, checked as a Watch, stored in the same JSON shape as before")
class WatchTest {

    /** A record as `newswatch watch add` wrote it before Watch and WatchInput were told apart. */
    private static final String STORED = "{\"schemaVersion\":1,\"id\":\"hu\",\"description\":\"Hungary\","
            + "\"entity\":\"country:HU\",\"bucket\":\"PT10M\",\"baseline\":\"PT168H\",\"sensitivity\":2.5,\"minArticles\":5,"
            + "\"minSources\":3,\"cooldown\":\"PT1H\",\"enabled\":true,"
            + "\"learned\":{\"baseline\":\"PT168H\",\"stories\":3.5,\"volume\":1200.0,\"since\":\"2026-01-01T00:00:00Z\","
            + "\"asOf\":\"2026-02-01T00:00:00Z\"}}";

    private static final LearnedBaseline LEARNED = new LearnedBaseline(Duration.ofDays(7), 3.5, 1200.0,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

    private static Watch hungary() {
        return new Watch("hu", "Hungary", new WatchSubject.Entity("country:HU"), Duration.ofMinutes(10), Duration.ofDays(7), 2.5, 5, 3,
                Duration.ofHours(1), null, null, true, LEARNED);
    }

    @Test
    @DisplayName("a stored record reads back with its learned baseline, and a checked watch writes the same record")
    void storedRecordsStayReadable() {
        WatchInput stored = RecordSerdes.WATCH.deserialize("t", STORED.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.learned()).isEqualTo(LEARNED);
        assertThat(stored.subject()).isEqualTo(new WatchSubject.Entity("country:HU"));
        assertThat(hungary().toInput()).isEqualTo(stored);
        assertThat(new String(RecordSerdes.WATCH.serialize("t", hungary().toInput()), StandardCharsets.UTF_8)).isEqualTo(STORED);
    }

    @Test
    @DisplayName("the subject is the one of query, tag and entity given, trimmed; none or several give none")
    void subject() {
        assertThat(WatchSubject.of(" tomahawk* ", null, "")).isEqualTo(new WatchSubject.Query("tomahawk*"));
        assertThat(WatchSubject.of(null, "summit", " ")).isEqualTo(new WatchSubject.Tag("summit"));
        assertThat(WatchSubject.of("a*", "summit", null)).isNull();
        assertThat(WatchSubject.of(null, " ", null)).isNull();
        assertThat(WatchSubject.count("a*", "summit", null)).isEqualTo(2);
    }

    @Test
    @DisplayName("every place says a subject the same way: its field, then its value")
    void description() {
        assertThat(new WatchSubject.Query("tomahawk*")).hasToString("query tomahawk*");
        assertThat(new WatchSubject.Tag("arms-transfer")).hasToString("tag arms-transfer");
        assertThat(new WatchSubject.Entity("country:HU")).hasToString("entity country:HU");
    }

    @Test
    @DisplayName("a checked watch cannot miss what the detector reads")
    void requiredParts() {
        assertThatThrownBy(() -> new Watch("hu", "d", null, Duration.ofMinutes(10), Duration.ofDays(7), 2.5, 5, 3, Duration.ofHours(1),
                null, null, true, null)).isInstanceOf(NullPointerException.class).hasMessage("subject");
    }
}
