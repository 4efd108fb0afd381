/**
 * {@code newswatch backtest report}: what a replay's topics hold, judged. {@link io.newswatch.app.backtest.BacktestReader}
 * reads a backtest's watches, enriched articles and alerts under its prefix into {@link io.newswatch.app.backtest.BacktestData}
 * (hourly matched counts per watch, alert events); {@link io.newswatch.app.backtest.BacktestScore} (pure) turns that, with
 * labelled events, into a {@link io.newswatch.app.backtest.BacktestReport}; {@link io.newswatch.app.backtest.BacktestComparison}
 * sets two side by side; {@code TableReport}, {@code JsonReport} and {@code HtmlReport} print them.
 */
package io.newswatch.app.backtest;
