package io.newswatch.rules;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Words and their base forms (the irregular-form map, then KStem), remembered once for the whole process: every analysis
 * chain of every thread (a tagger per enrich task, a matcher per alerts task) reads the same table, so it stays small
 * (about 20 MB when full) and each word is stemmed about once. Looked up by the term's own characters, with no string
 * made; safe for any number of threads (entries are immutable and written once, into empty slots).
 *
 * <p>It fills up and then stays as it is: the words met first are the common ones, which are most of any text, and a
 * word not in the table is simply stemmed again. A word's base form depends on the word alone, so what is remembered,
 * and when, changes nothing.
 */
final class BaseForms {

    /** Marks a word that is its own base form. */
    static final char[] SAME = new char[0];
    /** The process's one table. */
    static final BaseForms SHARED = new BaseForms(1 << 18);

    private record Word(char[] text, char[] base) {
    }

    private final AtomicReferenceArray<Word> slots;
    private final int mask;
    private final int maxWords;
    private final AtomicInteger size = new AtomicInteger();

    BaseForms(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
        this.maxWords = capacity / 4 * 3; // linear probing stays short below three quarters full
    }

    /** The base form of the word in {@code buffer[0, length)}, {@link #SAME} when it is its own, null when not remembered. */
    char[] get(char[] buffer, int length) {
        for (int i = hash(buffer, length) & mask; ; i = (i + 1) & mask) {
            Word w = slots.get(i);
            if (w == null) {
                return null;
            }
            if (Arrays.equals(w.text, 0, w.text.length, buffer, 0, length)) {
                return w.base;
            }
        }
    }

    /** Remembers a word ({@code word} is kept, not copied) and its base form, or {@link #SAME}; nothing once full. */
    void put(char[] word, char[] base) {
        if (size.get() >= maxWords) {
            return;
        }
        Word entry = new Word(word, base);
        for (int i = hash(word, word.length) & mask; ; i = (i + 1) & mask) {
            Word w = slots.get(i);
            if (w == null) {
                if (slots.compareAndSet(i, null, entry)) {
                    size.incrementAndGet();
                    return;
                }
                w = slots.get(i); // another thread took the slot first
            }
            if (Arrays.equals(w.text, word)) {
                return;
            }
        }
    }

    int size() {
        return size.get();
    }

    private static int hash(char[] buffer, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer[i];
        }
        h *= 0x9E3779B9; // spread the bits: slots are picked by the low ones
        return h ^ (h >>> 16);
    }
}
