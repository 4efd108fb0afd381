package io.newswatch.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.core.EntityMatch;
import io.newswatch.core.EntityType;
import io.newswatch.enrich.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private final EntityExtractor extractor = Fixtures.shippedExtractor();

    private Map<String, List<String>> evidenceById(String text) {
        return extractor.extract(text).stream().collect(Collectors.toMap(EntityMatch::id, EntityMatch::evidence));
    }

    @Test
    @DisplayName("the seed article yields Trump, Putin, Zelensky, Ukraine, Russia, United States, Hungary and Tomahawk")
    void seedArticle() {
        List<EntityMatch> entities = extractor.extract(Fixtures.seedArticleText());

        assertThat(entities).extracting(EntityMatch::id).contains(
                "person:donald-trump", "person:vladimir-putin", "person:volodymyr-zelensky",
                "country:UA", "country:RU", "country:US", "country:HU", "weapon:tomahawk");
        Map<String, EntityMatch> byId = entities.stream().collect(Collectors.toMap(EntityMatch::id, e -> e));
        assertThat(byId.get("country:US").name()).isEqualTo("United States");
        assertThat(byId.get("country:US").type()).isEqualTo(EntityType.COUNTRY);
        assertThat(byId.get("country:US").evidence()).contains("U.S.", "White House", "Pentagon");
        assertThat(byId.get("country:RU").evidence()).contains("Russian", "Kremlin", "Moscow");
        assertThat(byId.get("weapon:tomahawk").evidence()).contains("Tomahawk", "Tomahawks");
        assertThat(byId.get("person:donald-trump").evidence()).contains("Donald Trump", "Trump");
        assertThat(byId.get("person:melania-trump").evidence()).containsExactly("Melania Trump");
    }

    @Test
    @DisplayName("entities come in order of first mention, each once, with distinct evidence")
    void orderAndDistinctEvidence() {
        List<EntityMatch> entities = extractor.extract("Putin met Orban. Putin later called Orban's office; Putin said little.");

        assertThat(entities).extracting(EntityMatch::id).containsExactly("person:vladimir-putin", "person:viktor-orban");
        assertThat(entities.get(0).evidence()).containsExactly("Putin");
    }

    @Test
    @DisplayName("an acronym matches only in capitals: US the country, not us the pronoun")
    void acronymsNeedCapitals() {
        assertThat(evidenceById("Let us hope the US listens")).containsOnlyKeys("country:US");
        assertThat(evidenceById("Who told us? WHO did.")).containsOnlyKeys("org:who");
        assertThat(evidenceById("they told us nothing")).isEmpty();
    }

    @Test
    @DisplayName("a capitalised name matches only when capitalised: Turkey the country, not turkey the bird")
    void namesNeedCapitals() {
        assertThat(evidenceById("We ate turkey and a patriot sang")).isEmpty();
        assertThat(evidenceById("Turkey sent a Patriot battery")).containsOnlyKeys("country:TR", "weapon:patriot");
        assertThat(evidenceById("TRUMP CALLS PUTIN")).containsOnlyKeys("person:donald-trump", "person:vladimir-putin");
        assertThat(evidenceById("Xi meets the starting XI")).containsEntry("person:xi-jinping", List.of("Xi"));
    }

    @Test
    @DisplayName("possessives and punctuation around a name do not hide it")
    void possessives() {
        assertThat(evidenceById("Putin's aide; Zelensky’s call (Kyiv)")).containsOnlyKeys(
                "person:vladimir-putin", "person:volodymyr-zelensky", "country:UA");
    }

    @Test
    @DisplayName("the longest form wins: Republic of the Congo is not Congo, von der Leyen is one person")
    void longestMatch() {
        assertThat(evidenceById("the Republic of the Congo")).containsOnlyKeys("country:CG");
        assertThat(evidenceById("fighting in eastern Congo")).containsOnlyKeys("country:CD");
        assertThat(evidenceById("Ursula von der Leyen spoke")).containsEntry("person:ursula-von-der-leyen", List.of("Ursula von der Leyen"));
        assertThat(evidenceById("South Sudan and Sudan")).containsOnlyKeys("country:SS", "country:SD");
    }

    @Test
    @DisplayName("accents are optional: Orbán and Orban, Türkiye and Turkiye are the same")
    void accents() {
        assertThat(evidenceById("Viktor Orbán in Türkiye")).containsOnlyKeys("person:viktor-orban", "country:TR");
        assertThat(evidenceById("Erdoğan and Erdogan")).containsEntry("person:recep-tayyip-erdogan", List.of("Erdoğan", "Erdogan"));
    }

    @Test
    @DisplayName("weapon designations match with hyphens, spaces and plurals")
    void weaponDesignations() {
        Map<String, List<String>> found = evidenceById("Kyiv wants more F-16s, ATACMS and Storm Shadow; Russia fired S-400 and Shahed-136 drones");
        assertThat(found).containsKeys("weapon:f-16", "weapon:atacms", "weapon:storm-shadow", "weapon:s-400", "weapon:shahed");
        assertThat(found.get("weapon:f-16")).containsExactly("F-16s");
    }

    @Test
    @DisplayName("an ambiguous common word is not an entity on its own: Typhoon, Lancet, Neptune")
    void commonWords() {
        assertThat(evidenceById("Typhoon hits coast, The Lancet reports, Neptune seen")).isEmpty();
    }

    @Test
    @DisplayName("empty text has no entities")
    void emptyText() {
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract(null)).isEmpty();
    }
}
