package io.newswatch.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.EntityType;
import io.newswatch.enrich.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the shipped gazetteer has every UN member, 100+ people, 40+ organisations and 60+ weapons")
    void shippedGazetteerCoverage() {
        Gazetteer gazetteer = Gazetteer.load(Fixtures.GAZETTEER_DIR);
        Map<EntityType, Long> counts = gazetteer.entries().stream()
                .collect(Collectors.groupingBy(GazetteerEntry::type, Collectors.counting()));

        assertThat(counts.get(EntityType.COUNTRY)).isGreaterThanOrEqualTo(193);
        assertThat(counts.get(EntityType.PERSON)).isGreaterThanOrEqualTo(100);
        assertThat(counts.get(EntityType.ORGANIZATION)).isGreaterThanOrEqualTo(40);
        assertThat(counts.get(EntityType.WEAPON)).isGreaterThanOrEqualTo(60);
        assertThat(gazetteer.entries()).extracting(GazetteerEntry::id).contains("country:UA", "person:donald-trump", "org:nato", "weapon:himars");
        assertThat(gazetteer.version()).hasSize(12);
    }

    @Test
    @DisplayName("the shipped gazetteer builds an extractor: no surface form is claimed by two entities")
    void shippedGazetteerHasNoConflicts() {
        assertThat(EntityExtractor.of(Gazetteer.load(Fixtures.GAZETTEER_DIR)).entityCount()).isGreaterThan(400);
    }

    @Test
    @DisplayName("the version changes when a file changes")
    void versionFollowsContent() throws IOException {
        Files.writeString(dir.resolve("countries.yaml"), "countries:\n  - {id: UA, name: Ukraine}\n");
        String before = Gazetteer.load(dir).version();
        Files.writeString(dir.resolve("countries.yaml"), "countries:\n  - {id: UA, name: Ukraine, capitals: [Kyiv]}\n");

        assertThat(Gazetteer.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("a country id that is not an ISO alpha-2 code fails with the file and entry named")
    void badCountryId() throws IOException {
        Files.writeString(dir.resolve("countries.yaml"), "countries:\n  - {id: UKR, name: Ukraine}\n");

        assertThatThrownBy(() -> Gazetteer.load(dir))
                .isInstanceOf(GazetteerFormatException.class)
                .hasMessageContaining("countries.yaml").hasMessageContaining("entry 1").hasMessageContaining("UKR");
    }

    @Test
    @DisplayName("one surface form for two entities fails, naming both")
    void conflictingForms() throws IOException {
        Files.writeString(dir.resolve("people.yaml"), """
                people:
                  - {id: boris-johnson, name: Boris Johnson, aliases: [Johnson]}
                  - {id: mike-johnson, name: Mike Johnson, aliases: [Johnson]}
                """);

        assertThatThrownBy(() -> EntityExtractor.of(Gazetteer.load(dir)))
                .isInstanceOf(GazetteerFormatException.class)
                .hasMessageContaining("Johnson").hasMessageContaining("person:boris-johnson").hasMessageContaining("person:mike-johnson");
    }

    @Test
    @DisplayName("an unknown section, a duplicate id and a missing directory are refused clearly")
    void otherMistakes() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), "leaders:\n  - {id: a, name: A}\n");
        assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("unknown section 'leaders'");

        Files.writeString(dir.resolve("x.yaml"), "weapons:\n  - {id: a, name: A}\n  - {id: a, name: B}\n");
        assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("weapon:a is defined twice");

        assertThatThrownBy(() -> Gazetteer.load(dir.resolve("missing")))
                .hasMessageContaining("does not exist").hasMessageContaining("enrich.gazetteer");
    }
}
