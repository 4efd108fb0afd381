package io.newswatch.app.backtest;

import static io.newswatch.app.backtest.HandMadeBacktest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newswatch.app.backtest.BacktestReport.EventOutcome;
import io.newswatch.app.backtest.BacktestReport.GoalCheck;
import io.newswatch.app.backtest.BacktestReport.SpikeDayRow;
import io.newswatch.app.backtest.BacktestReport.WatchScore;
import io.newswatch.app.backtest.BacktestReport.WeekRow;
import io.newswatch.core.Alert;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's metrics on {@link HandMadeBacktest}, every expected figure worked out by hand from its comment. */
@DisplayName("backtest report: metrics of a hand-made backtest")
class BacktestScoreTest {

    private static BacktestReport report() {
        return BacktestScore.score(HandMadeBacktest.data(HandMadeBacktest.alerts()), SpikeRule.DEFAULT, Goals.DEFAULT,
                HandMadeBacktest.events(), "events.yaml");
    }

    private static WatchScore watch(BacktestReport r, String id) {
        return r.watches().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, GoalCheck> goals(WatchScore w) {
        return w.goals().stream().collect(Collectors.toMap(GoalCheck::goal, Function.identity()));
    }

    @Test
    @DisplayName("the backtest covers its 20 days; the first 14 are not judged")
    void span() {
        BacktestReport r = report();
        assertThat(r.firstDay()).isEqualTo(LocalDate.parse("2023-06-01"));
        assertThat(r.lastDay()).isEqualTo(LocalDate.parse("2023-06-20"));
        assertThat(r.days()).isEqualTo(20);
        assertThat(r.articles()).isEqualTo(64);
        assertThat(watch(r, "quake").judgedDays()).isEqualTo(6);
        assertThat(watch(r, "quake").dayList().get(13).median()).isNull();
        assertThat(watch(r, "quake").dayList().get(14).median()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("spike days: >= 3 x trailing median and >= 10; 9 against a median of 1 is not one; surge start is the first hour >= 2")
    void spikeDays() {
        WatchScore quake = watch(report(), "quake");
        assertThat(quake.spikeDays()).isEqualTo(2);
        assertThat(quake.spikes()).isEqualTo(1);
        assertThat(quake.spikeDayList()).extracting(SpikeDayRow::date)
                .containsExactly(LocalDate.parse("2023-06-16"), LocalDate.parse("2023-06-17"));
        SpikeDayRow first = quake.spikeDayList().get(0);
        assertThat(first.matched()).isEqualTo(12);
        assertThat(first.median()).isEqualTo(1.0);
        assertThat(first.surgeStart()).isEqualTo(at(15, 14, 0));
        assertThat(quake.spikeDayList().get(1).surgeStart()).isEqualTo(at(16, 8, 0));
        assertThat(quake.spikeDayList()).extracting(SpikeDayRow::spike).containsExactly(1, 1);

        WatchScore summit = watch(report(), "summit");
        assertThat(summit.spikeDayList()).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.parse("2023-06-18"));
            assertThat(d.median()).isZero();
            assertThat(d.surgeStart()).isEqualTo(at(17, 20, 0));
            assertThat(d.caught()).isFalse();
            assertThat(d.leadMinutes()).isNull();
        });
    }

    @Test
    @DisplayName("caught and lead time: first alert open from the surge start, OPENED minus surge start")
    void caughtAndLead() {
        WatchScore quake = watch(report(), "quake");
        assertThat(quake.caught()).isEqualTo(2);
        assertThat(quake.caughtInTime()).isEqualTo(2);
        assertThat(quake.spikeDayList()).extracting(SpikeDayRow::leadMinutes).containsExactly(40L, 60L);
        assertThat(quake.spikeDayList()).extracting(SpikeDayRow::firstOpened).containsExactly(at(15, 14, 40), at(16, 9, 0));
        assertThat(quake.medianLeadMinutes()).isEqualTo(50.0);
        assertThat(quake.caughtInTimeShare()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("OPENED off spike, per spike (the day after a spike counts to it), per day and per week; open share")
    void openedFigures() {
        WatchScore quake = watch(report(), "quake");
        assertThat(quake.opened()).isEqualTo(5);
        assertThat(quake.updated()).isEqualTo(1);
        assertThat(quake.resolved()).isEqualTo(5);
        assertThat(quake.judgedOpened()).isEqualTo(4);       // A5 on 06-05 is in the unjudged first 14 days
        assertThat(quake.openedOffSpike()).isEqualTo(1);     // A4 on 06-20; A3 on 06-18 is the day after the spike
        assertThat(quake.offSpikeShare()).isEqualTo(0.25);
        assertThat(quake.openedOnSpikes()).isEqualTo(3);
        assertThat(quake.openedPerSpike()).isEqualTo(3.0);
        assertThat(quake.maxOpenedPerSpike()).isEqualTo(3);
        assertThat(quake.openedPerDay()).isEqualTo(0.25);
        assertThat(quake.weekList()).containsExactly(new WeekRow(LocalDate.parse("2023-05-29"), 0),
                new WeekRow(LocalDate.parse("2023-06-05"), 1), new WeekRow(LocalDate.parse("2023-06-12"), 3),
                new WeekRow(LocalDate.parse("2023-06-19"), 1));
        assertThat(quake.maxOpenedPerWeek()).isEqualTo(3);
        assertThat(quake.openShare()).isCloseTo(560.0 / (20 * 24 * 60), within(1e-9));
        assertThat(quake.matched()).isEqualTo(54);
        assertThat(quake.maxMatchedPerDay()).isEqualTo(15);
    }

    @Test
    @DisplayName("goals: PASS/FAIL per goal, n/a with nothing to judge, FAIL overall when any fails")
    void goalsAndVerdict() {
        Map<String, GoalCheck> quake = goals(watch(report(), "quake"));
        assertThat(quake.get("caught-in-time").verdict()).isEqualTo(Verdict.PASS);
        assertThat(quake.get("opened-off-spike").verdict()).isEqualTo(Verdict.FAIL);   // 25% > 20%
        assertThat(quake.get("opened-per-spike").verdict()).isEqualTo(Verdict.FAIL);   // 3 > 2
        assertThat(quake.get("opened-per-day").verdict()).isEqualTo(Verdict.PASS);
        assertThat(watch(report(), "quake").verdict()).isEqualTo(Verdict.FAIL);

        Map<String, GoalCheck> summit = goals(watch(report(), "summit"));
        assertThat(summit.get("caught-in-time").value()).isZero();
        assertThat(summit.get("caught-in-time").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(summit.get("opened-off-spike").verdict()).isEqualTo(Verdict.NA);
        assertThat(summit.get("opened-per-spike").value()).isZero();
        assertThat(watch(report(), "summit").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    @DisplayName("labelled events: recall from start - 2h to end, lead from the start, false alarms outside every event of the watch")
    void events() {
        BacktestReport r = report();
        BacktestReport.Recall quake = watch(r, "quake").recall();
        assertThat(quake.events()).isEqualTo(2);                 // the event after the backtest is left out
        assertThat(quake.recalled()).isEqualTo(1);
        assertThat(quake.recall()).isEqualTo(0.5);
        assertThat(quake.falseAlarms()).isEqualTo(3);            // A3, A4, A5
        assertThat(quake.alertsPerEvent()).isEqualTo(1.0);       // A1 and A2 in "Quake hits", none in "Quiet event"
        assertThat(quake.medianLeadMinutes()).isEqualTo(100.0);  // A1 14:40 - start 13:00

        BacktestReport.Recall summit = watch(r, "summit").recall();
        assertThat(summit.events()).isEqualTo(1);
        assertThat(summit.recalled()).isZero();
        assertThat(summit.falseAlarms()).isZero();

        assertThat(r.events()).hasSize(4);
        EventOutcome hit = r.events().get(0).watches().get(0);
        assertThat(hit.caught()).isTrue();
        assertThat(hit.opened()).isEqualTo(2);
        assertThat(hit.leadMinutes()).isEqualTo(100L);
        assertThat(r.events().get(2).inBacktest()).isFalse();
        assertThat(r.events().get(3).watches().get(0).known()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.contains("1 of 4 labelled events lie outside"))
                .anyMatch(n -> n.contains("watches the backtest does not have") && n.contains("nosuch"));
    }

    @Test
    @DisplayName("an alert opened before the window and still open recalls the event, with a negative lead")
    void alreadyOpenAlertRecalls() {
        List<Alert> alerts = HandMadeBacktest.alert("quake", at(6, 20, 0), at(7, 3, 0), 0);
        BacktestReport r = BacktestScore.score(HandMadeBacktest.data(alerts), SpikeRule.DEFAULT, Goals.DEFAULT,
                List.of(new LabelledEvent("Quiet event", at(7, 0, 0), at(7, 6, 0), List.of("quake"))), "e.yaml");
        EventOutcome o = r.events().get(0).watches().get(0);
        assertThat(o.caught()).isTrue();
        assertThat(o.opened()).isZero();
        assertThat(o.leadMinutes()).isEqualTo(-240L);
        assertThat(watch(r, "quake").recall().falseAlarms()).isEqualTo(1); // OPENED 4h before the start: outside the 2h slack
    }

    @Test
    @DisplayName("without an events file there is no recall; without alerts nothing is caught")
    void noEventsNoAlerts() {
        BacktestReport r = BacktestScore.score(HandMadeBacktest.data(List.of()), SpikeRule.DEFAULT, Goals.DEFAULT, null, null);
        assertThat(r.events()).isEmpty();
        assertThat(watch(r, "quake").recall()).isNull();
        assertThat(watch(r, "quake").caught()).isZero();
        assertThat(watch(r, "quake").openShare()).isZero();
    }

    @Test
    @DisplayName("a stricter rule (spike factor 13) leaves 06-17 (15 against a median of 1) a spike day but not 06-16 (12)")
    void ruleIsAnOption() {
        BacktestReport r = BacktestScore.score(HandMadeBacktest.data(HandMadeBacktest.alerts()), new SpikeRule(14, 13, 10, 3, 2),
                Goals.DEFAULT, null, null);
        assertThat(watch(r, "quake").spikeDayList()).extracting(SpikeDayRow::date).containsExactly(LocalDate.parse("2023-06-17"));
    }

    @Test
    @DisplayName("compare: metrics of both with report - baseline, and the alerts that overlap nothing in the other")
    void comparison() {
        BacktestReport mine = report();
        BacktestReport baseline = BacktestScore.score(HandMadeBacktest.data(HandMadeBacktest.baselineAlerts()), SpikeRule.DEFAULT,
                Goals.DEFAULT, HandMadeBacktest.events(), "events.yaml");
        BacktestComparison c = BacktestComparison.of(mine, baseline);
        BacktestComparison.WatchChange quake = c.changes().stream().filter(w -> w.id().equals("quake")).findFirst().orElseThrow();
        BacktestComparison.MetricChange opened = quake.metrics().stream().filter(m -> m.metric().equals("opened")).findFirst()
                .orElseThrow();
        assertThat(opened.report()).isEqualTo(5.0);
        assertThat(opened.baseline()).isEqualTo(2.0);
        assertThat(opened.delta()).isEqualTo(3.0);
        // A1 and A2 overlap the baseline's long alert; A3, A4, A5 overlap nothing there; the baseline's 06-12 alert nothing here.
        assertThat(c.onlyInReport()).extracting(AlertSpan::opened).containsExactly(at(4, 12, 0), at(17, 3, 0), at(19, 12, 0));
        assertThat(c.onlyInBaseline()).extracting(AlertSpan::opened).containsExactly(at(11, 12, 0));
    }

    @Test
    @DisplayName("median of an even window is the mean of the middle two")
    void median() {
        assertThat(SpikeDays.median(new int[] {5, 1, 3, 9})).isEqualTo(4.0);
        assertThat(SpikeDays.median(new int[] {2, 7, 1})).isEqualTo(2.0);
    }
}
