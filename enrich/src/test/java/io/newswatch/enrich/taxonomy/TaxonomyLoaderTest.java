package io.newswatch.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.core.TagMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TaxonomyLoader: a taxonomy loads whole or fails naming what is wrong")
class TaxonomyLoaderTest {

    private static final String GOOD = """
            version: "7"
            tags:
              - id: arms-transfer
                label: Arms transfer
                description: Weapons changing hands.
                rule: '"arms sale" OR (sell NEAR/5 tomahawk*)'
                examples:
                  match: ["US may sell Tomahawks"]
                  noMatch: ["Car sales rise"]
              - id: summit
                label: Summit
                description: Leaders meet.
                rule: summit
            """;

    @Test
    @DisplayName("a good file gives tags in order, with examples, and a working tagger")
    void loadsGoodFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, GOOD);
        Taxonomy taxonomy = TaxonomyLoader.load(file);
        assertThat(taxonomy.version()).isEqualTo("7");
        assertThat(taxonomy.tags()).extracting(TagDefinition::id).containsExactly("arms-transfer", "summit");
        assertThat(taxonomy.tags().get(0).shouldMatch()).containsExactly("US may sell Tomahawks");
        assertThat(taxonomy.tags().get(1).mustNotMatch()).isEmpty();
        try (TaxonomyTagger tagger = TaxonomyTagger.of(taxonomy)) {
            assertThat(tagger.version()).isEqualTo("7");
            assertThat(tagger.tag("Summit talk: US may sell Tomahawks"))
                    .containsExactly(new TagMatch("arms-transfer", "Arms transfer", java.util.List.of("sell Tomahawks")),
                            new TagMatch("summit", "Summit", java.util.List.of("Summit")));
        }
    }

    @Test
    @DisplayName("lists: '@name' in a rule stands for the list in parentheses; a list may use the lists above it")
    void lists() {
        String yaml = """
                version: "8"
                lists:
                  names: putin OR xi
                  leaders: '@names OR "prime minister"'
                tags:
                  - id: summit
                    label: Summit
                    description: Leaders meet.
                    rule: '@leaders BEFORE/4 (meet BEFORE/3 @leaders)'
                """;
        Taxonomy taxonomy = TaxonomyLoader.parse(yaml, "t.yaml");
        assertThat(taxonomy.tags().get(0).rule())
                .isEqualTo("((putin OR xi) OR \"prime minister\") BEFORE/4 (meet BEFORE/3 ((putin OR xi) OR \"prime minister\"))");
        try (TaxonomyTagger tagger = TaxonomyTagger.of(taxonomy)) {
            assertThat(tagger.tag("Xi to meet Putin in Moscow")).extracting(TagMatch::id).containsExactly("summit");
            assertThat(tagger.tag("Putin meets governors")).isEmpty();
        }
    }

    @Test
    @DisplayName("a reference to a list not declared above fails naming the tag and the list")
    void unknownList() {
        String yaml = """
                version: "8"
                lists:
                  leaders: '@names OR president'
                  names: putin
                tags:
                  - id: summit
                    label: Summit
                    description: Leaders meet.
                    rule: summit
                """;
        assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("t.yaml: list 'leaders': '@names' names no list declared above it");
        assertThatThrownBy(() -> TaxonomyLoader.parse(GOOD.replace("rule: summit", "rule: '@leaders'"), "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("tag 'summit' (tags[1]): '@leaders' names no list declared above it");
    }

    @Test
    @DisplayName("a bad rule fails naming the tag id and the position in the rule")
    void badRule() {
        String yaml = GOOD.replace("rule: summit", "rule: 'summit AND (meet OR'");
        assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("t.yaml: tag 'summit' (tags[1]): bad rule at position 17: OR needs something after it")
                .asInstanceOf(InstanceOfAssertFactories.type(TaxonomyException.class))
                .satisfies(e -> {
                    assertThat(e.tagId()).isEqualTo("summit");
                    assertThat(e.rulePosition()).isEqualTo(17);
                });
    }

    @Test
    @DisplayName("a repeated id fails naming both entries")
    void duplicateIds() {
        String yaml = GOOD.replace("id: summit", "id: arms-transfer");
        assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("tag 'arms-transfer' (tags[1]) repeats the id of tags[0]");
    }

    @Test
    @DisplayName("a missing field fails naming the tag and the field")
    void missingField() {
        String yaml = GOOD.replace("    label: Summit\n", "");
        assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("tag 'summit' (tags[1]): missing 'label'");
        assertThatThrownBy(() -> TaxonomyLoader.parse(GOOD.replace("version: \"7\"\n", ""), "t.yaml"))
                .hasMessageContaining("t.yaml: missing 'version'");
        assertThatThrownBy(() -> TaxonomyLoader.parse(GOOD.replace("    rule: summit\n", ""), "t.yaml"))
                .hasMessageContaining("tag 'summit' (tags[1]): missing 'rule'");
    }

    @Test
    @DisplayName("an unknown field (a typo) fails instead of being ignored")
    void unknownField() {
        String yaml = GOOD.replace("rule: summit", "rules: summit");
        assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yaml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("tag 'summit' (tags[1]): unknown field 'rules'");
    }

    @Test
    @DisplayName("malformed YAML, a bad id, no tags and a missing file each fail clearly")
    void otherFaults(@TempDir Path dir) {
        assertThatThrownBy(() -> TaxonomyLoader.parse("version: [1\ntags: x", "t.yaml"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("t.yaml: not valid YAML");
        assertThatThrownBy(() -> TaxonomyLoader.parse(GOOD.replace("id: summit", "id: Summit Talks"), "t.yaml"))
                .hasMessageContaining("tags[1]: id 'Summit Talks' must be lower-case");
        assertThatThrownBy(() -> TaxonomyLoader.parse("version: 1\ntags: []\n", "t.yaml"))
                .hasMessageContaining("'tags' must be a non-empty list");
        assertThatThrownBy(() -> TaxonomyLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: taxonomy file not found");
    }
}
