/**
 * Feed bytes to {@link io.newswatch.ingest.parse.ParsedFeed}. In: a body, the HTTP charset and the feed URL.
 * Out: items as published (HTML and relative links still in them) plus notes on what was repaired, or a
 * {@link io.newswatch.ingest.parse.FeedParseException} naming the cause. Charset detection, lexical repair
 * (entities, ampersands, control characters), DTD refusal, date normalization, Rome, and a lenient fallback.
 */
package io.newswatch.ingest.parse;
