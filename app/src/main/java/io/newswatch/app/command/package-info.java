/**
 * One class per subcommand of {@code newswatch}. Each reads its settings through
 * {@link io.newswatch.app.options.CommonOptions}, does its one job with the modules' entry points (ingest's
 * {@code IngestService} and {@code FeedReader}, enrich's {@code EnrichTopology} and {@code ArticleEnricher},
 * alerts' {@code AlertsTopology}, watch store and webhook dispatcher) and returns an exit code.
 * Output meant for people or pipes (parse, tail, tag, watch list) goes to stdout; logs and problems to stderr.
 */
package io.newswatch.app.command;
