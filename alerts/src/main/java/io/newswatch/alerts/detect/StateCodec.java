package io.newswatch.alerts.detect;

import io.newswatch.core.AlertArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The field encodings the detector's binary state forms share ({@link WatchHistorySerde}, {@link OpenBucketsSerde}). */
final class StateCodec {

    /** Writes a state's fields after its format byte. */
    interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    /** Length marker of a string written as UTF-16 chars (see {@link #writeString}); -1 is null. */
    static final int UTF16 = -2;

    /** Reads a state's fields after its format byte. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private StateCodec() {
    }

    /** The format byte, then the fields. */
    static byte[] encode(byte format, int sizeHint, Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }

    /**
     * The fields behind the expected format byte; an unknown format or truncated bytes are refused naming {@code what}
     * state it was, as a restore that cannot read its store must say which.
     */
    static <T> T decode(byte[] bytes, byte format, String what, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte found = in.readByte();
            if (found != format) {
                throw new IllegalArgumentException(what + " state: unknown format " + found + " (a newer version wrote it?)");
            }
            T value = reader.read(in);
            // Bytes left over mean another state's bytes, or a newer layout of this format: refuse rather than half-read.
            if (in.available() != 0) {
                throw new IllegalArgumentException(what + " state: " + in.available() + " bytes left over (" + bytes.length + " bytes)");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " state: truncated (" + bytes.length + " bytes)", e);
        }
    }

    /** The hashes as IdHashes keeps them in JSON (its own bytes), behind their length; -1 for none. */
    static void writeHashes(DataOutputStream out, IdHashes hashes) throws IOException {
        if (hashes == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = hashes.toBytes();
        out.writeInt(b.length);
        out.write(b);
    }

    static IdHashes readHashes(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : IdHashes.fromBytes(in.readNBytes(n));
    }

    /** Raw bits: not even a NaN's payload is changed. */
    static void writeDouble(DataOutputStream out, double d) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(d));
    }

    static double readDouble(DataInputStream in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    /**
     * UTF-8 behind its length; -1 for null. A string with a lone surrogate (half a character, which UTF-8 cannot hold
     * and would write as '?') is written as {@link #UTF16} and its chars, so that every string comes back exactly:
     * a restored detector must cite the same evidence as an uninterrupted one.
     */
    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        if (!wellFormed(s)) {
            out.writeInt(UTF16);
            out.writeInt(s.length());
            out.writeChars(s);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == UTF16) {
            char[] chars = new char[in.readInt()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = in.readChar();
            }
            return new String(chars);
        }
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** No lone surrogate: UTF-8 holds it exactly. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An evidence article, every field, its time to the nanosecond; null-safe for the fields that may be absent. */
    static void writeArticle(DataOutputStream out, AlertArticle a) throws IOException {
        writeString(out, a.id());
        writeString(out, a.title());
        writeString(out, a.link());
        writeString(out, a.source());
        out.writeBoolean(a.eventTime() != null);
        if (a.eventTime() != null) {
            out.writeLong(a.eventTime().getEpochSecond());
            out.writeInt(a.eventTime().getNano());
        }
    }

    static AlertArticle readArticle(DataInputStream in) throws IOException {
        String id = readString(in);
        String title = readString(in);
        String link = readString(in);
        String source = readString(in);
        Instant eventTime = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        return new AlertArticle(id, title, link, source, eventTime);
    }
}
