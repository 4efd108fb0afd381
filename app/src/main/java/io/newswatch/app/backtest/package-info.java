/**
 * {@code newswatch backtest report}: what a replay's topics hold, judged. {@link io.newswatch.app.backtest.BacktestReader}
 * reads a backtest's watches, enriched articles and alerts under its prefix into {@link io.newswatch.app.backtest.BacktestData}
 * (hourly matched counts per watch, alert events); {@link io.newswatch.app.backtest.BacktestScore} (pure) turns that, with
 * labelled events, into a {@link io.newswatch.app.backtest.BacktestReport}; {@link io.newswatch.app.backtest.BacktestComparison}
 * sets two side by side; {@code TableReport}, {@code JsonReport} and {@code HtmlReport} print them.
 *
 * <p>{@code newswatch watch test} is a backtest in memory of watches that are not live yet: {@link io.newswatch.app.backtest.WatchTester}
 * reads an enriched topic into the same {@code MatchTally} and a compact event-time-ordered {@code HistoryArticles}, runs the
 * alerts stage's detector ({@code InMemoryDetection}) over it, and {@link io.newswatch.app.backtest.WatchTestScore} (pure) tallies
 * the alerts per week against a budget into a {@link io.newswatch.app.backtest.WatchTestReport}, printed by {@code WatchTestTable}
 * or {@code JsonReport}. Nothing is written to any topic.
 */
package io.newswatch.app.backtest;
