package io.newswatch.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.app.testing.RunSettings;
import io.newswatch.core.Settings;
import io.newswatch.core.Topics;
import io.newswatch.enrich.taxonomy.TaxonomyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pipeline: the stages are planned once from the settings, before anything starts")
class PipelineTest {

    @TempDir
    Path dir;

    private Map<String, String> settings() {
        return new HashMap<>(RunSettings.of("127.0.0.1:1", new Topics("plan."), dir, List.of(), "../config/watches.yaml"));
    }

    @Test
    @DisplayName("run plans every stage; /ready lists them in pipeline order under the labels it has always used")
    void everyStage() {
        Pipeline pipeline = Pipeline.plan(Settings.of(settings()), Pipeline.EVERY_STAGE);
        assertThat(pipeline.stageLabels()).containsExactly("ingest", "enrich", "alerts", "deliver");
        assertThat(pipeline.stage(EnrichStage.class).orElseThrow().settings().applicationId()).isEqualTo("plan.newswatch-enrich");
    }

    @Test
    @DisplayName("a replay leaves webhook delivery out unless asked, and its labels are those of the stages it plans")
    void replayStages() {
        for (boolean webhooks : List.of(false, true)) {
            Replay.Options options = new Replay.Options(List.of("news.articles.raw"), TopicCopier.Slice.ALL, webhooks, null);
            Pipeline pipeline = Pipeline.plan(Settings.of(settings()), Replay.stages(options));
            assertThat(pipeline.stageLabels()).isEqualTo(Replay.stageLabels(options));
            assertThat(pipeline.stage(DeliverStage.class).isPresent()).as("delivery with --webhooks " + webhooks).isEqualTo(webhooks);
            assertThat(pipeline.stage(IngestStage.class)).isEmpty();
        }
    }

    @Test
    @DisplayName("a taxonomy rule that does not compile fails the plan, naming the tag, before any stage starts")
    void badTaxonomyFailsThePlan() throws Exception {
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, """
                version: test-1
                tags:
                  - id: broken
                    label: Broken
                    description: a rule with an unclosed group
                    rule: '(tomahawk AND'
                """);
        Map<String, String> values = settings();
        values.put("enrich.taxonomy", taxonomy.toString());
        assertThatThrownBy(() -> Pipeline.plan(Settings.of(values), List.of(EnrichStage::plan)))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("broken");
    }
}
