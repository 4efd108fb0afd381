package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("backtest report: table, JSON and HTML of the hand-made backtest")
class ReportRenderingTest {

    private static BacktestReport report() {
        return BacktestScore.score(HandMadeBacktest.data(HandMadeBacktest.alerts()), SpikeRule.DEFAULT, Goals.DEFAULT,
                HandMadeBacktest.events(), "events.yaml");
    }

    private static BacktestComparison comparison() {
        BacktestReport baseline = BacktestScore.score(HandMadeBacktest.data(HandMadeBacktest.baselineAlerts()), SpikeRule.DEFAULT,
                Goals.DEFAULT, HandMadeBacktest.events(), "events.yaml");
        return BacktestComparison.of(report(), baseline);
    }

    private static String table(boolean details) {
        StringWriter s = new StringWriter();
        TableReport.print(report(), details, new PrintWriter(s, true));
        return s.toString();
    }

    @Test
    @DisplayName("the table: one row per watch with its figures and verdict, the goal line, events, weeks, spike days")
    void table() {
        String t = table(true);
        assertThat(t).contains("backtest hand.: 2023-06-01 .. 2023-06-20 UTC (20 days, 64 enriched articles, 2 watches)");
        assertThat(t).containsPattern("quake +54 +2.70 +15 +5 +1 +5 +0.25 +3 +1.9%");
        assertThat(t).containsPattern("quake +2 +1 +2/2 +100% +50m +25% \\(1/4\\) +3.00 +0.25 +"
                + "FAIL \\(opened-off-spike, opened-per-spike\\)");
        assertThat(t).containsPattern("summit +1 +1 +0/1 +0% +- +- +0.00 +0.00 +FAIL \\(caught-in-time\\)");
        assertThat(t).containsPattern("goal +>= 80% +<= 20% +<= 2 +<= 3").contains("  0 of 2 watches meet every goal");
        assertThat(t).containsPattern("quake +2 +1 +50% +3 +1.00 +1h40m");
        assertThat(t).containsPattern("Quake hits +2023-06-16 13:00 +quake +yes +2 +2023-06-16 14:40 +1h40m");
        assertThat(t).containsPattern("Quiet event +2023-06-08 00:00 +quake +MISSED +0");
        assertThat(t).containsPattern("2023-06-12 +3 +0");
        assertThat(t).containsPattern("2023-06-17 +#1 +15 +1 +08:00 +yes +2023-06-17 09:00 +1h +yes");
        assertThat(t).contains("note: 1 of 4 labelled events lie outside the backtest's days");
    }

    @Test
    @DisplayName("JSON: the documented field names, nulls written, times in ISO-8601")
    void json() throws Exception {
        StringWriter s = new StringWriter();
        JsonReport.print(report(), new PrintWriter(s, true));
        JsonNode root = Json.mapper().readTree(s.toString());
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.get("prefix").asText()).isEqualTo("hand.");
        assertThat(root.get("firstDay").asText()).isEqualTo("2023-06-01");
        assertThat(root.get("rule").get("spikeFactor").asDouble()).isEqualTo(3.0);
        assertThat(root.get("goals").get("maxLeadMinutes").asInt()).isEqualTo(120);
        JsonNode quake = root.get("watches").get(0);
        assertThat(quake.get("id").asText()).isEqualTo("quake");
        assertThat(quake.get("offSpikeShare").asDouble()).isEqualTo(0.25);
        assertThat(quake.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(quake.get("spikeDayList").get(0).get("surgeStart").asText()).isEqualTo("2023-06-16T14:00:00Z");
        assertThat(quake.get("spikeDayList").get(0).get("leadMinutes").asLong()).isEqualTo(40);
        assertThat(quake.get("dayList").get(0).has("median")).isTrue();
        assertThat(quake.get("dayList").get(0).get("median").isNull()).isTrue();
        assertThat(quake.get("recall").get("falseAlarms").asInt()).isEqualTo(3);
        assertThat(quake.get("alerts").get(0).get("alertId").asText()).startsWith("quake@");
        JsonNode summit = root.get("watches").get(1);
        assertThat(summit.get("offSpikeShare").isNull()).isTrue();
        assertThat(root.get("events").get(0).get("watches").get(0).get("leadMinutes").asLong()).isEqualTo(100);

        StringWriter c = new StringWriter();
        JsonReport.print(comparison(), new PrintWriter(c, true));
        JsonNode cmp = Json.mapper().readTree(c.toString());
        assertThat(cmp.get("report").get("prefix").asText()).isEqualTo("hand.");
        assertThat(cmp.get("onlyInBaseline")).hasSize(1);
        assertThat(cmp.get("changes").get(0).get("metrics").get(1).get("delta").asDouble()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("HTML: one self-contained page (no script, no external resource) with an SVG chart per watch")
    void html() {
        String page = HtmlReport.page(report());
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContainPattern("url\\(");
        assertThat(page.split("<svg ", -1)).hasSize(3);
        assertThat(page).contains("id=\"w-quake\"").contains("id=\"w-summit\"");
        assertThat(page).contains("2023-06-16: 12 matched, trailing median 1, SPIKE DAY, 1 OPENED");
        assertThat(page).contains("quake@2023-06-16T14:40:00Z: OPENED 2023-06-16 14:40, RESOLVED 2023-06-16 18:00, 1 UPDATED");
        assertThat(page).contains("<polygon points=");   // the expected band
        assertThat(page).contains("Quake hits");
        String compare = HtmlReport.page(comparison());
        assertThat(compare).contains("compared with").contains("alerts only in hand.");
    }

    @Test
    @DisplayName("text from the data is escaped in HTML")
    void escapes() {
        assertThat(Html.escape("<b>\"Tom & Jerry's\"</b>")).isEqualTo("&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;");
    }
}
