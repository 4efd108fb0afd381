package io.newswatch.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a saved feed file. Size and modification time stand in for an ETag, so an unchanged file polls
 * as "not modified" and is not re-parsed; the same size cap as HTTP applies.
 */
public final class FileFeedFetcher implements FeedFetcher {

    private final long maxBytes;

    public FileFeedFetcher(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public FetchResult fetch(String location, Validators validators) {
        Path path = Path.of(location);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return new FetchResult.Failed("not a regular file: " + path, null);
            }
            if (attributes.size() > maxBytes) {
                return new FetchResult.Failed("file is " + attributes.size() + " bytes, over the cap of " + maxBytes, null);
            }
            String version = attributes.size() + "-" + attributes.lastModifiedTime().toMillis();
            if (version.equals(validators.etag())) {
                return new FetchResult.NotModified(null);
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(path)) {
                body = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (body.length > maxBytes) {
                return new FetchResult.Failed("file grew over the cap of " + maxBytes + " bytes while being read", null);
            }
            return new FetchResult.Fetched(body, null, path.toUri().toString(), new Validators(version, null), null);
        } catch (NoSuchFileException e) {
            return new FetchResult.Failed("file not found: " + path, null);
        } catch (IOException e) {
            return new FetchResult.Failed("cannot read " + path + ": " + e, null);
        }
    }
}
