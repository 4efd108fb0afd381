/**
 * What every part of the command line shares and that depends on nothing else of the app: a user's mistake
 * ({@link io.newswatch.app.cli.UsageException}), the exit codes ({@link io.newswatch.app.cli.ExitCodes}) and where
 * a user's paths are resolved ({@link io.newswatch.app.cli.Workspace}).
 */
package io.newswatch.app.cli;
