package io.newswatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IsoInstantDeserializer: the same instants, or the same failures, as jackson-datatype-jsr310")
class IsoInstantDeserializerTest {

    /** What the project's mapper read times with before: JavaTimeModule's own deserializer. */
    private static final ObjectMapper STANDARD = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private static String read(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Instant.class));
        } catch (Exception e) {
            return "fails: " + e.getClass().getSimpleName();
        }
    }

    private static void assertSameAsStandard(String json) {
        assertThat(read(Json.mapper(), json)).as(json).isEqualTo(read(STANDARD, json));
    }

    @Test
    void everyLayoutReadsAsBefore() {
        for (String text : List.of("2023-03-14T19:54:00Z", "2023-03-14T19:54:00.5Z", "2023-03-14T19:54:00.123Z",
                "2023-03-14T19:54:00.123456789Z", "2023-03-14T19:54:00.1234567890Z", "2023-03-14T19:54:00.Z", "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z",
                "2023-02-30T12:00:00Z", "2023-13-01T00:00:00Z", "2023-00-10T00:00:00Z", "2023-03-14T24:00:00Z",
                "2023-03-14T23:60:00Z", "2016-12-31T23:59:60Z", "2023-03-14t19:54:00z", "2023-03-14T19:54:00+01:00",
                "2023-03-14T19:54Z", " 2023-03-14T19:54:00Z", "2023-03-14T19:54:00Z ", "+12023-03-14T19:54:00Z", "2023-3-14T19:54:00Z",
                "2023-03-14T19:54:0aZ", "", "garbage")) {
            assertSameAsStandard("\"" + text + "\"");
        }
        assertSameAsStandard("1678823640000");
        assertSameAsStandard("1678823640.5");
        assertSameAsStandard("null");
    }

    @Test
    void randomInstantsReadAsWritten() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            texts.add(Instant.ofEpochSecond(seconds, nanos).toString());
        }
        for (String text : texts) {
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
            assertSameAsStandard("\"" + text + "\"");
        }
    }
}
