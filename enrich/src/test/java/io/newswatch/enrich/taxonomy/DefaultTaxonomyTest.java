package io.newswatch.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.TagMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The default taxonomy (config/taxonomy.yaml)")
class DefaultTaxonomyTest {

    /** The shipped file, relative to the enrich module directory that surefire runs in. */
    static final Path DEFAULT_TAXONOMY = Path.of("..", "config", "taxonomy.yaml");

    private static TaxonomyTagger tagger;

    @BeforeAll
    static void load() {
        tagger = TaxonomyTagger.load(DEFAULT_TAXONOMY);
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    @Test
    @DisplayName("has a version and at least 30 described tags, each with examples both ways")
    void shape() {
        Taxonomy taxonomy = tagger.taxonomy();
        assertThat(tagger.version()).isNotBlank();
        assertThat(taxonomy.tags()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(taxonomy.tags()).allSatisfy(tag -> {
            assertThat(tag.description()).as(tag.id()).isNotBlank();
            assertThat(tag.shouldMatch()).as(tag.id() + " examples.match").isNotEmpty();
            assertThat(tag.mustNotMatch()).as(tag.id() + " examples.noMatch").isNotEmpty();
        });
        assertThat(taxonomy.tags()).extracting(TagDefinition::id).contains(
                "arms-transfer", "summit", "diplomatic-call", "sanctions", "ceasefire-peace-talks", "military-strike",
                "missile-drone-attack", "energy-infrastructure-attack", "defence-production", "naval-operations",
                "elections", "protests", "coup", "terrorism", "nuclear", "cyberattack", "trade-tariffs",
                "refugees-humanitarian");
    }

    @Test
    @DisplayName("every tag matches its own match examples and none of its noMatch examples")
    void ownExamples() {
        List<String> failures = new ArrayList<>();
        for (TagDefinition tag : tagger.taxonomy().tags()) {
            for (String text : tag.shouldMatch()) {
                if (!ids(text).contains(tag.id())) {
                    failures.add(tag.id() + " should match: " + text);
                }
            }
            for (String text : tag.mustNotMatch()) {
                if (ids(text).contains(tag.id())) {
                    failures.add(tag.id() + " should not match: " + text);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("the seed article is tagged arms-transfer and summit, not elections, with evidence")
    void seedArticle() throws IOException {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("/labelled/seed-article.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, TagMatch> tags = tagger.tag(seed).stream()
                .collect(Collectors.toMap(TagMatch::id, t -> t));
        assertThat(tags).containsKeys("arms-transfer", "summit").doesNotContainKey("elections");
        assertThat(tags.get("arms-transfer").label()).isEqualTo("Arms transfer");
        assertThat(tags.get("arms-transfer").evidence()).anyMatch(e -> e.contains("Tomahawk"));
        assertThat(tags.get("summit").evidence()).anyMatch(e -> e.contains("Putin"));
    }

    private static List<String> ids(String text) {
        return tagger.tag(text).stream().map(TagMatch::id).toList();
    }
}
