package io.newswatch.enrich.story;

import io.newswatch.enrich.story.StoryIndex.StoryEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of one LSH bucket in the state store (and its changelog): a count, then per entry the fingerprint,
 * the event time in epoch millis, and the story id as length-prefixed UTF-8. Compact and fixed, because a
 * bucket is rewritten on every article that lands in it.
 */
final class StoryEntryCodec {

    private static final byte FORMAT_VERSION = 1;

    private StoryEntryCodec() {
    }

    static byte[] encode(List<StoryEntry> entries) {
        List<byte[]> ids = new ArrayList<>(entries.size());
        int size = 1 + 4;
        for (StoryEntry e : entries) {
            byte[] id = e.storyId().getBytes(StandardCharsets.UTF_8);
            ids.add(id);
            size += 8 + 8 + 2 + id.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(FORMAT_VERSION).putInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            StoryEntry e = entries.get(i);
            buffer.putLong(e.fingerprint()).putLong(e.eventTimeMs()).putShort((short) ids.get(i).length).put(ids.get(i));
        }
        return buffer.array();
    }

    static List<StoryEntry> decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != FORMAT_VERSION) {
            throw new IllegalStateException("story bucket written in format " + version + ", this version reads " + FORMAT_VERSION);
        }
        int n = buffer.getInt();
        List<StoryEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long fingerprint = buffer.getLong();
            long time = buffer.getLong();
            byte[] id = new byte[buffer.getShort() & 0xffff];
            buffer.get(id);
            entries.add(new StoryEntry(fingerprint, time, new String(id, StandardCharsets.UTF_8)));
        }
        return entries;
    }
}
