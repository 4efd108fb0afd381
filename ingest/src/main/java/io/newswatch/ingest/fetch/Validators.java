package io.newswatch.ingest.fetch;

/**
 * What the last successful fetch told us about the feed's version, sent back on the next fetch so the
 * server (or the file system) can answer "not modified". For files, {@code etag} holds size and mtime.
 *
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, verbatim, or null
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
