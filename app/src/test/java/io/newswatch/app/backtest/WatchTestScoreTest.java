package io.newswatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.watch.WatchValidator;
import io.newswatch.app.backtest.WatchTestReport.WatchTest;
import io.newswatch.app.backtest.WatchTestReport.WeekTally;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertArticle;
import io.newswatch.core.AlertStatus;
import io.newswatch.core.Topics;
import io.newswatch.core.Watch;
import io.newswatch.core.WatchInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The weekly tally and the budget verdict of {@code newswatch watch test}, on a history made by hand: 14 days from Wednesday
 * 2023-06-07 to Tuesday 2023-06-20, so its weeks (from Monday) hold 5, 7 and 2 of its days. One match a day at 10:00 and ten
 * more on 06-14; four OPENED: 06-07 03:00 (in the first day, the detector's warm-up), 06-14 11:00 and 18:00, 06-20 09:00.
 * That is 4 OPENED in 2 weeks: 2.00 a week, 0.29 a day; OPENED per week 1, 2, 1.
 */
@DisplayName("newswatch watch test: OPENED per week against a budget")
class WatchTestScoreTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2023-06-07");
    private static final Watch QUAKE = new WatchValidator(AlertsSettings.defaults().watchDefaults(), new Topics(""))
            .validate(new WatchInput(WatchInput.SCHEMA_VERSION, "quake", "Earthquakes", "earthquake*", null, null, null, null, null, null, null,
                    null, null, null, null, null));

    private static Instant at(int day, int hour) {
        return FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L);
    }

    private static BacktestData history(int days, List<Alert> alerts) {
        MatchTally tally = new MatchTally();
        for (int d = 0; d < days; d++) {
            tally.add(at(d, 10), List.of("quake"));
        }
        for (int i = 0; i < 10 && days > 7; i++) {
            tally.add(at(7, 12).plusSeconds(60L * i), List.of("quake"));
        }
        BacktestData d = tally.build("wt.news.articles.enriched", List.of(QUAKE), List.of(), null, null, List.of());
        return new BacktestData(d.prefix(), d.firstDay(), d.days(), d.articles(), d.watches(), alerts, d.notes());
    }

    private static List<Alert> fourAlerts() {
        List<Alert> out = new ArrayList<>();
        out.addAll(HandMadeBacktest.alert("quake", at(0, 3), at(0, 4), 0));
        out.add(new Alert(Alert.SCHEMA_VERSION, "quake@big", "quake", "Earthquakes", AlertStatus.OPENED, at(7, 10), at(7, 11), 9, 8, 0.4,
                6.5, 5, 4, List.of(new AlertArticle("m1", "Strong earthquake hits the coast", "https://a.example/1", "Outlet A", at(7, 10)),
                        new AlertArticle("m2", "Second report", "https://b.example/2", "Outlet B", at(7, 10).plusSeconds(60))),
                "Spike: Earthquakes", at(7, 11)));
        out.addAll(HandMadeBacktest.alert("quake", at(7, 18), at(7, 20), 1));
        out.addAll(HandMadeBacktest.alert("quake", at(13, 9), at(13, 10), 0));
        return out;
    }

    private static WatchTest score(BacktestData data, double budget) {
        WatchTestReport r = WatchTestScore.score(data, List.of(QUAKE), budget, Duration.ofDays(1), List.of());
        assertThat(r.watches()).hasSize(1);
        return r.watches().getFirst();
    }

    @Test
    @DisplayName("weeks run from Monday (UTC): the first and last are partial and say how many days they hold")
    void weeklyTally() {
        WatchTestReport r = WatchTestScore.score(history(14, fourAlerts()), List.of(QUAKE), 21, Duration.ofDays(1), List.of());
        assertThat(r.firstDay()).isEqualTo(FIRST_DAY);
        assertThat(r.days()).isEqualTo(14);
        assertThat(r.weeks()).isEqualTo(2.0);
        assertThat(r.warmUpMinutes()).isEqualTo(24 * 60);
        WatchTest w = r.watches().getFirst();
        assertThat(w.weekList()).containsExactly(
                new WeekTally(LocalDate.parse("2023-06-05"), 5, 5, 1),
                new WeekTally(LocalDate.parse("2023-06-12"), 7, 17, 2),
                new WeekTally(LocalDate.parse("2023-06-19"), 2, 2, 1));
        assertThat(w.matched()).isEqualTo(24);
        assertThat(w.matchedPerWeek()).isEqualTo(12.0);
        assertThat(w.maxMatchedPerDay()).isEqualTo(11);
        assertThat(w.opened()).isEqualTo(4);
        assertThat(w.updated()).isEqualTo(1);
        assertThat(w.resolved()).isEqualTo(3);
        assertThat(w.openAtEnd()).isTrue();
        assertThat(w.openedInWarmUp()).isEqualTo(1);
        assertThat(w.openedPerWeek()).isEqualTo(2.0);
        assertThat(w.openedPerDay()).isCloseTo(4 / 14.0, Offset.offset(1e-12));
        assertThat(w.maxOpenedPerWeek()).isEqualTo(2);
        assertThat(w.sensitivity()).isEqualTo(2.5);
        assertThat(w.bucketMinutes()).isEqualTo(10);
    }

    @Test
    @DisplayName("the OPENED list: in time order, with the window, counts, score and the earliest evidence")
    void openedList() {
        WatchTest w = score(history(14, fourAlerts()), 21);
        assertThat(w.openedList()).extracting(WatchTestReport.OpenedAlert::time)
                .containsExactly(at(0, 3), at(7, 11), at(7, 18), at(13, 9));
        WatchTestReport.OpenedAlert big = w.openedList().get(1);
        assertThat(big.windowStart()).isEqualTo(at(7, 10));
        assertThat(big.windowMinutes()).isEqualTo(60);
        assertThat(big.counted()).isEqualTo(8);
        assertThat(big.expected()).isEqualTo(0.4);
        assertThat(big.score()).isEqualTo(6.5);
        assertThat(big.sources()).isEqualTo(5);
        assertThat(big.firstTitle()).isEqualTo("Strong earthquake hits the coast");
        assertThat(big.firstSource()).isEqualTo("Outlet A");
        assertThat(w.openedList().getFirst().firstTitle()).isNull();
    }

    @Test
    @DisplayName("within budget: the average per week at most the budget; a week is over when it has more than its days' share")
    void withinBudget() {
        WatchTest roomy = score(history(14, fourAlerts()), 21);
        assertThat(roomy.withinBudget()).isTrue();
        assertThat(roomy.weeksOverBudget()).isZero();
        assertThat(roomy.verdict()).isEqualTo("WITHIN BUDGET: 2.00 OPENED a week on average, budget 21; busiest week 2; no week over budget");

        // Budget 2: the average meets it exactly; the last week (2 days, 1 OPENED) has more than its share of 2 * 2/7.
        WatchTest exact = score(history(14, fourAlerts()), 2);
        assertThat(exact.withinBudget()).isTrue();
        assertThat(exact.weeksOverBudget()).isEqualTo(1);
        assertThat(exact.verdict()).isEqualTo("WITHIN BUDGET: 2.00 OPENED a week on average, budget 2; busiest week 2; 1 of 3 weeks over it");
    }

    @Test
    @DisplayName("over budget: the verdict says by how much and what to change")
    void overBudget() {
        WatchTest tight = score(history(14, fourAlerts()), 1.5);
        assertThat(tight.withinBudget()).isFalse();
        assertThat(tight.weeksOverBudget()).isEqualTo(2); // 2 > 1.5 and 1 > 1.5 * 2/7; not 1 > 1.5 * 5/7
        assertThat(tight.verdict()).isEqualTo("OVER BUDGET: 2.00 OPENED a week on average, budget 1.5; busiest week 2; 2 of 3 weeks "
                + "over it (a higher --sensitivity, --min-articles or --min-sources raises fewer)");
    }

    @Test
    @DisplayName("no OPENED at all, though the history had a spike day: within budget, with a hint that it may be too strict")
    void silentWatch() {
        // 20 days of one a day; day 7 has 11 but the first 14 days are not judged, so make the spike on day 16.
        MatchTally tally = new MatchTally();
        for (int d = 0; d < 20; d++) {
            tally.add(at(d, 10), List.of("quake"));
        }
        for (int i = 0; i < 12; i++) {
            tally.add(at(16, 12).plusSeconds(60L * i), List.of("quake"));
        }
        BacktestData data = tally.build("t", List.of(QUAKE), List.of(), null, null, List.of());
        WatchTest w = score(data, 21);
        assertThat(w.opened()).isZero();
        assertThat(w.spikeDays()).isEqualTo(1);
        assertThat(w.verdict()).isEqualTo("WITHIN BUDGET: 0.00 OPENED a week on average, budget 21 (though it caught none of its "
                + "1 spike day: try a lower --sensitivity)");
    }

    @Test
    @DisplayName("a history shorter than a week says its weekly figures are extrapolated; a negative budget is refused")
    void shortHistoryAndBadBudget() {
        WatchTestReport r = WatchTestScore.score(history(3, List.of()), List.of(QUAKE), 21, Duration.ofDays(1), List.of("read note"));
        assertThat(r.notes()).containsExactly("read note", "the history covers 3 days: the weekly figures are extrapolated from less "
                + "than a week");
        assertThatThrownBy(() -> WatchTestScore.score(history(3, List.of()), List.of(QUAKE), -1, Duration.ofDays(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the default budget is issue 9's goal of at most 3 OPENED a day, the one backtest report judges by")
    void defaultBudget() {
        assertThat((double) WatchTestScore.DEFAULT_BUDGET_PER_WEEK).isEqualTo(Goals.DEFAULT.maxOpenedPerDay() * 7);
    }
}
