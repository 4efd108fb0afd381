package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.enrich.prepared.PreparedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryIdAssignerTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private MockProcessorContext<String, byte[]> context;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoryIdAssigner.STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private StoryIdAssigner started() {
        StoryIdAssigner a = new StoryIdAssigner(6, Duration.ofHours(48));
        a.init(context);
        return a;
    }

    private static Record<String, PreparedArticle> article(String id, long fingerprint, long t) {
        String own = StoryIds.forFirstArticle(id);
        byte[] json = ("{\"storyId\":\"" + own + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Record<>(id, new PreparedArticle(List.of("id:" + id), OptionalLong.of(fingerprint), json, 12), t);
    }

    private String lastStoryId() {
        String json = new String((byte[]) context.forwarded().getLast().record().value(), StandardCharsets.UTF_8);
        return json.substring(12, json.length() - 2);
    }

    @Test
    @DisplayName("after a restart a near copy within the horizon joins the story filed before; past the horizon it starts its own")
    void storiesSurviveARestart() {
        started().process(article("wire", 0b1011_0000L, 0));
        assertThat(lastStoryId()).isEqualTo(StoryIds.forFirstArticle("wire"));

        StoryIdAssigner after = started();
        after.process(article("copy", 0b1011_0011L, 10 * HOUR));
        assertThat(lastStoryId()).isEqualTo(StoryIds.forFirstArticle("wire"));
        after.process(article("much-later", 0b1011_0000L, 100 * HOUR));
        assertThat(lastStoryId()).isEqualTo(StoryIds.forFirstArticle("much-later"));
    }
}
