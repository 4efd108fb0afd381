package io.newswatch.enrich.prepared;

import io.newswatch.core.EnrichedArticle;
import io.newswatch.core.JsonSerde;
import io.newswatch.core.RecordSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * An enriched article prepared in enrich's parallel stage for the serial one (dedup and story ids): its JSON as the
 * enriched topic will carry it, written with the article's own story id, and what dedup and story ids need from it.
 * The serial stage runs on one partition for the whole stream; with this it reads a few fields from a small binary
 * header and, when the article joins an earlier story, overwrites the story id in the JSON in place, instead of
 * decoding and re-encoding every article (which was about a fifth of its time).
 *
 * <p>Story ids all have one length ({@code story-} and 16 hex digits), so the overwrite keeps the JSON byte for byte
 * what encoding the article with that story id gives; an id of another length falls back to re-encoding.
 *
 * @param duplicateKeys the keys dedup looks up (id, canonical link, GUID)
 * @param fingerprint   the story fingerprint, empty for a text too short to compare
 * @param json          the enriched article as JSON, with its own story id
 * @param storyIdAt     where the story id's value starts in {@code json}
 */
public record PreparedArticle(List<String> duplicateKeys, OptionalLong fingerprint, byte[] json, int storyIdAt) {

    /** First byte of an encoded prepared article; JSON never starts with it (an older record is plain JSON, '{'). */
    private static final byte MAGIC = 0;
    private static final byte FORMAT = 1;
    private static final JsonSerde<EnrichedArticle> ENRICHED = RecordSerdes.ENRICHED_ARTICLE;

    public PreparedArticle {
        duplicateKeys = List.copyOf(duplicateKeys);
    }

    /**
     * Prepares {@code enriched}, whose story id must be the article's own ({@code story-} and 16 hex digits).
     *
     * @throws IllegalArgumentException when the story id is missing
     */
    public static PreparedArticle of(EnrichedArticle enriched, List<String> duplicateKeys, OptionalLong fingerprint) {
        if (enriched.storyId() == null) {
            throw new IllegalArgumentException("an article is prepared with its own story id, got none for " + enriched.article().id());
        }
        byte[] json = ENRICHED.serialize(null, enriched);
        return new PreparedArticle(duplicateKeys, fingerprint, json, storyIdOffset(json, enriched.storyId()));
    }

    /**
     * Where the value of the top-level {@code storyId} field starts. The pattern {@code "storyId":"} cannot occur inside
     * a JSON string (quotes there are escaped, so a backslash would stand between the colon and the quote), and no
     * nested object has a field of that name, so its one occurrence is the field; it is near the end, after the article.
     */
    static int storyIdOffset(byte[] json, String storyId) {
        byte[] pattern = ("\"storyId\":\"" + storyId + "\"").getBytes(StandardCharsets.UTF_8);
        for (int i = json.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(json, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i + "\"storyId\":\"".length();
            }
        }
        throw new IllegalStateException("story id " + storyId + " not found in the article's JSON");
    }

    /** The story id the article was prepared with: its own. */
    public String ownStoryId() {
        int end = storyIdAt;
        while (json[end] != '"') {
            end++;
        }
        return new String(json, storyIdAt, end - storyIdAt, StandardCharsets.UTF_8);
    }

    /** The JSON for the enriched topic with {@code storyId}: the prepared bytes, or a copy with the id overwritten. */
    public byte[] jsonWithStoryId(String storyId) {
        String own = ownStoryId();
        if (storyId.equals(own)) {
            return json;
        }
        byte[] id = storyId.getBytes(StandardCharsets.UTF_8);
        if (id.length != own.length() || !isPlainAscii(id)) {
            // Not one of our story ids: re-encode rather than splice (never happens with StoryIds).
            EnrichedArticle a = ENRICHED.deserialize(null, json);
            return ENRICHED.serialize(null, new EnrichedArticle(a.schemaVersion(), a.article(), a.tags(), a.entities(), storyId,
                    a.taxonomyVersion(), a.enrichedAt()));
        }
        byte[] out = json.clone();
        System.arraycopy(id, 0, out, storyIdAt, id.length);
        return out;
    }

    private static boolean isPlainAscii(byte[] id) {
        for (byte b : id) {
            if (b < 0x20 || b == '"' || b == '\\') { // negative: a multi-byte character
                return false;
            }
        }
        return true;
    }

    /** True when {@code bytes} were written by {@link #encode()}; false for a plain JSON enriched article. */
    public static boolean isEncoded(byte[] bytes) {
        return bytes != null && bytes.length > 1 && bytes[0] == MAGIC;
    }

    /** The bytes of the repartition topic and the merge buffer. */
    public byte[] encode() {
        List<byte[]> keys = new ArrayList<>(duplicateKeys.size());
        int size = 2 + 1 + 8 + 2 + 4 + json.length;
        for (String k : duplicateKeys) {
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            keys.add(b);
            size += 4 + b.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(MAGIC).put(FORMAT)
                .put((byte) (fingerprint.isPresent() ? 1 : 0)).putLong(fingerprint.orElse(0))
                .putShort((short) keys.size());
        for (byte[] k : keys) {
            out.putInt(k.length).put(k);
        }
        return out.putInt(storyIdAt).put(json).array();
    }

    /** Reads what {@link #encode()} wrote. */
    public static PreparedArticle decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != MAGIC || in.get() != FORMAT) {
            throw new IllegalArgumentException("not a prepared article of format " + FORMAT);
        }
        boolean hasFingerprint = in.get() == 1;
        long fingerprint = in.getLong();
        int n = in.getShort();
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] k = new byte[in.getInt()];
            in.get(k);
            keys.add(new String(k, StandardCharsets.UTF_8));
        }
        int storyIdAt = in.getInt();
        byte[] json = Arrays.copyOfRange(bytes, in.position(), bytes.length);
        return new PreparedArticle(keys, hasFingerprint ? OptionalLong.of(fingerprint) : OptionalLong.empty(), json, storyIdAt);
    }
}
