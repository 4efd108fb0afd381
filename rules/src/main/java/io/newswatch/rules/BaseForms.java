package io.newswatch.rules;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Words and their base forms (the irregular-form map, then KStem), remembered once for the whole process: every analysis
 * chain of every thread (a tagger per enrich task, a matcher per alerts task) reads the same table, so it stays small
 * (about 25 MB when full) and each word is stemmed about once. Looked up by the term's own characters, with no string
 * made; safe for any number of threads (entries are immutable and written once, into empty slots).
 *
 * <p>It fills up and then stays as it is: the words met first are the common ones, which are most of any text, and a
 * word not in the table is simply stemmed again. A word's base form depends on the word alone, so what is remembered,
 * and when, changes nothing.
 *
 * <p>Why the hashes have an array of their own: the table is far larger than the processor's caches, so every slot a
 * look-up visits costs memory reads. A probe that compares the stored hash first reads one int, in a line it shares with
 * the next slots, and follows the references to a word and its characters only when the hashes agree. Filled at most
 * half full, a look-up visits about two slots on average, a miss included. (Probing the words themselves, three
 * quarters full, was about a twelfth of both stream threads' time in a replay: three dependent reads per visited slot.)
 */
final class BaseForms {

    /** Marks a word that is its own base form. */
    static final char[] SAME = new char[0];
    /** The process's one table. */
    static final BaseForms SHARED = new BaseForms(1 << 19);

    private record Word(char[] text, char[] base) {
    }

    /** The words, claimed by compare-and-set; a slot's hash is published after its word. */
    private final AtomicReferenceArray<Word> words;
    /** Per slot, the hash of its word with the lowest bit set (so never 0); 0 while the slot is empty or being filled. */
    private final AtomicIntegerArray hashes;
    private final int mask;
    private final int maxWords;
    private final AtomicInteger size = new AtomicInteger();

    BaseForms(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.words = new AtomicReferenceArray<>(capacity);
        this.hashes = new AtomicIntegerArray(capacity);
        this.mask = capacity - 1;
        this.maxWords = capacity / 2; // linear probing stays short below half full
    }

    /** The base form of the word in {@code buffer[0, length)}, {@link #SAME} when it is its own, null when not remembered. */
    char[] get(char[] buffer, int length) {
        int hash = hash(buffer, length);
        int mark = hash | 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int h = hashes.get(i);
            if (h == 0) {
                // Empty, or a word being put right now: either way a miss, and the caller stems the word itself.
                return null;
            }
            if (h == mark) {
                Word w = words.get(i); // written before its hash was published
                if (Arrays.equals(w.text, 0, w.text.length, buffer, 0, length)) {
                    return w.base;
                }
            }
        }
    }

    /** Remembers a word ({@code word} is kept, not copied) and its base form, or {@link #SAME}; nothing once full. */
    void put(char[] word, char[] base) {
        if (size.get() >= maxWords) {
            return;
        }
        int hash = hash(word, word.length);
        int mark = hash | 1;
        Word entry = new Word(word, base);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Word w = words.get(i);
            if (w == null) {
                if (words.compareAndSet(i, null, entry)) {
                    hashes.set(i, mark);
                    size.incrementAndGet();
                    return;
                }
                w = words.get(i); // another thread took the slot first
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
