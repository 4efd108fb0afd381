package io.newswatch.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TaxonomyEvaluation: per-tag and micro-averaged precision and recall")
class TaxonomyEvaluationTest {

    private static final Taxonomy TAXONOMY = new Taxonomy("t", List.of(
            new TagDefinition("summit", "Summit", "", "summit", List.of(), List.of()),
            new TagDefinition("sanctions", "Sanctions", "", "sanction*", List.of(), List.of())));

    @Test
    @DisplayName("counts true and false positives and negatives per tag and overall")
    void scores() {
        List<LabelledText> labelled = List.of(
                new LabelledText("Summit in Geneva", "", Set.of("summit")),                     // tp summit
                new LabelledText("Summit on sanctions", "", Set.of("summit")),                  // tp summit, fp sanctions
                new LabelledText("Leaders meet in Geneva", "", Set.of("summit")),               // fn summit
                new LabelledText("New sanctions", "on Russian banks", Set.of("sanctions")),     // tp sanctions
                new LabelledText("Football final", "", Set.of()));                              // nothing
        try (TaxonomyTagger tagger = TaxonomyTagger.of(TAXONOMY)) {
            TaxonomyEvaluation evaluation = TaxonomyEvaluation.run(tagger, labelled);
            TaxonomyEvaluation.TagScore summit = evaluation.scores().get("summit");
            assertThat(summit.truePositives()).isEqualTo(2);
            assertThat(summit.falsePositives()).isZero();
            assertThat(summit.falseNegatives()).isEqualTo(1);
            assertThat(summit.precision()).isEqualTo(1.0);
            assertThat(summit.recall()).isCloseTo(2.0 / 3, within(1e-9));
            TaxonomyEvaluation.TagScore sanctions = evaluation.scores().get("sanctions");
            assertThat(sanctions.precision()).isEqualTo(0.5);
            assertThat(sanctions.recall()).isEqualTo(1.0);
            assertThat(evaluation.microPrecision()).isEqualTo(0.75);   // 3 tp of 4 predicted
            assertThat(evaluation.microRecall()).isEqualTo(0.75);      // 3 tp of 4 expected
            assertThat(evaluation.misses()).hasSize(2);
            assertThat(evaluation.table()).contains("summit").contains("micro-average (5 texts)");
        }
    }

    @Test
    @DisplayName("labelled JSON lines: title required, summary and tags optional, bad lines named")
    void readsJsonLines() {
        String jsonl = """
                {"title": "Summit in Geneva", "summary": "Leaders meet.", "tags": ["summit"]}

                {"title": "Football final"}
                """;
        List<LabelledText> texts = LabelledText.readJsonLines(new BufferedReader(new StringReader(jsonl)), "x.jsonl");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).text()).isEqualTo("Summit in Geneva\nLeaders meet.");
        assertThat(texts.get(1).expected()).isEmpty();
        assertThatThrownBy(() -> LabelledText.readJsonLines(
                new BufferedReader(new StringReader("{\"title\": \"a\"}\n{\"summary\": \"b\"}\n")), "x.jsonl"))
                .hasMessageContaining("x.jsonl:2: missing 'title'");
    }
}
