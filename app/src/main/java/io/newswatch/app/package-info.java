/**
 * The {@code newswatch} command line: {@link io.newswatch.app.NewswatchCommand} and its shared pieces.
 *
 * <p>In: the command-line arguments, {@code NEWSWATCH_*} environment variables and the settings file
 * (config/newswatch.yaml), merged by {@link io.newswatch.core.Settings} with {@link io.newswatch.app.options.CommonOptions}
 * as the top layer. Out: an exit code ({@link io.newswatch.app.cli.ExitCodes}); a problem the user can fix
 * (bad flag, setting, watch or rule) is one line on stderr and exit 2, see {@link io.newswatch.app.FailureReporter}.
 * The subcommands live in {@code io.newswatch.app.command}, the wiring they share (Kafka connection,
 * embedded broker, stages, shutdown) in {@code io.newswatch.app.runtime}, metrics and health endpoints in
 * {@code io.newswatch.app.monitor}.
 */
package io.newswatch.app;
