package io.newswatch.app.importer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sorts any number of serialized articles by event time (ties by id) in bounded memory: an external merge
 * sort. Entries collect in memory until a chunk holds {@code chunkSize} of them or about {@code chunkBytes};
 * the chunk is then sorted and spilled to a gzip temp file under {@code tmpDir}, one entry per line as
 * {@code <event ms> TAB <id> TAB <Article JSON>} (the key in front, so the merge never parses the JSON
 * again). {@link #drain} merges the spills and the last chunk in one pass (a k-way merge on a heap), and
 * {@link #close} deletes the spills.
 *
 * <p>Why sort at all: downstream, an article more than the grace period older than one before it in its
 * partition is late and dropped from alert detection, so an import must write in event-time order across
 * all its inputs together.
 */
public final class EventTimeSorter implements AutoCloseable {

    /** One article ready to write: its event time (epoch ms), its id (the record key) and its JSON (the value). */
    public record Entry(long eventMillis, String id, byte[] value) {
        /** A rough count of the heap an entry takes: the value, the id's characters, the objects. */
        long heapBytes() {
            return value.length + 2L * id.length() + 96;
        }
    }

    /** Ascending event time, ties by id: the order of the output, the same whatever order the inputs came in. */
    public static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::eventMillis).thenComparing(Entry::id);

    private final int chunkSize;
    private final long chunkBytes;
    private final Path tmpDir;
    private final List<Path> spills = new ArrayList<>();
    private List<Entry> chunk = new ArrayList<>();
    private long bytesInChunk;
    private long size;
    private boolean drained;

    /**
     * @param chunkSize  entries held in memory before a spill
     * @param chunkBytes about how many heap bytes a chunk may take before a spill, whatever its size
     * @param tmpDir     where spills go
     */
    public EventTimeSorter(int chunkSize, long chunkBytes, Path tmpDir) {
        if (chunkSize < 1 || chunkBytes < 1) {
            throw new IllegalArgumentException("chunk size and bytes must be positive");
        }
        this.chunkSize = chunkSize;
        this.chunkBytes = chunkBytes;
        this.tmpDir = tmpDir;
    }

    public synchronized void add(Entry entry) {
        if (drained) {
            throw new IllegalStateException("already drained");
        }
        chunk.add(entry);
        bytesInChunk += entry.heapBytes();
        size++;
        if (chunk.size() >= chunkSize || bytesInChunk >= chunkBytes) {
            spill();
        }
    }

    /** Entries added so far. */
    public synchronized long size() {
        return size;
    }

    /** Chunks spilled to disk so far. */
    public synchronized int spills() {
        return spills.size();
    }

    /** Hands every entry to {@code out}, in {@link #ORDER}. Once only. */
    public synchronized void drain(Consumer<Entry> out) {
        if (drained) {
            throw new IllegalStateException("already drained");
        }
        drained = true;
        chunk.sort(ORDER);
        List<Entry> last = chunk;
        chunk = List.of();
        if (spills.isEmpty()) {
            last.forEach(out);
            return;
        }
        List<SpillReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Source> heap = new PriorityQueue<>(Comparator.comparing(Source::head, ORDER));
            for (Path spill : spills) {
                SpillReader reader = new SpillReader(spill);
                readers.add(reader);
                Source.of(reader).ifPresent(heap::add);
            }
            Source.of(last.iterator()).ifPresent(heap::add);
            while (!heap.isEmpty()) {
                Source s = heap.poll();
                out.accept(s.head());
                if (s.advance()) {
                    heap.add(s);
                }
            }
        } finally {
            readers.forEach(SpillReader::close);
        }
    }

    private void spill() {
        chunk.sort(ORDER);
        try {
            Path file = Files.createTempFile(tmpDir, "newswatch-import-", ".jsonl.gz");
            file.toFile().deleteOnExit(); // a crash or Ctrl-C leaves nothing behind either
            spills.add(file);
            try (OutputStream out = new BufferedOutputStream(new FastGzipOutputStream(Files.newOutputStream(file)), 1 << 16)) {
                for (Entry e : chunk) {
                    out.write(Long.toString(e.eventMillis()).getBytes(StandardCharsets.US_ASCII));
                    out.write('\t');
                    out.write(e.id().getBytes(StandardCharsets.UTF_8));
                    out.write('\t');
                    out.write(e.value());
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill sorted articles to " + tmpDir + ": " + e.getMessage(), e);
        }
        chunk = new ArrayList<>(Math.min(chunkSize, 1 << 16));
        bytesInChunk = 0;
    }

    @Override
    public synchronized void close() {
        for (Path spill : spills) {
            try {
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                // deleteOnExit tries again
            }
        }
        spills.clear();
        chunk = List.of();
    }

    /** One sorted run being merged, with its current entry. */
    private static final class Source {
        private final Iterator<Entry> rest;
        private Entry head;

        private Source(Iterator<Entry> rest, Entry head) {
            this.rest = rest;
            this.head = head;
        }

        static Optional<Source> of(Iterator<Entry> it) {
            return it.hasNext() ? Optional.of(new Source(it, it.next())) : Optional.empty();
        }

        Entry head() {
            return head;
        }

        boolean advance() {
            if (!rest.hasNext()) {
                return false;
            }
            head = rest.next();
            return true;
        }
    }

    /** Reads a spill back, line by line, as bytes (the JSON is handed on as it was written). */
    private static final class SpillReader implements Iterator<Entry>, AutoCloseable {
        private final Path file;
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private Entry next;

        SpillReader(Path file) {
            this.file = file;
            try {
                this.in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spill " + file + ": " + e.getMessage(), e);
            }
            next = read();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Entry e = next;
            next = read();
            return e;
        }

        /** The next line's entry, or null at the end. */
        private Entry read() {
            try {
                int newline;
                while ((newline = indexOf(buf, pos, limit, (byte) '\n')) < 0) {
                    if (!fill()) {
                        if (pos < limit) {
                            throw new IllegalStateException("corrupt spill " + file + ": last line has no end");
                        }
                        return null;
                    }
                }
                int tab1 = indexOf(buf, pos, newline, (byte) '\t');
                int tab2 = tab1 < 0 ? -1 : indexOf(buf, tab1 + 1, newline, (byte) '\t');
                if (tab2 < 0) {
                    throw new IllegalStateException("corrupt spill " + file);
                }
                long millis = Long.parseLong(new String(buf, pos, tab1 - pos, StandardCharsets.US_ASCII));
                String id = new String(buf, tab1 + 1, tab2 - tab1 - 1, StandardCharsets.UTF_8);
                byte[] value = Arrays.copyOfRange(buf, tab2 + 1, newline);
                pos = newline + 1;
                return new Entry(millis, id, value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spill " + file + ": " + e.getMessage(), e);
            }
        }

        /** Moves what is left to the front, grows the buffer when a line fills it, reads more; false at the end. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
            return true;
        }

        private static int indexOf(byte[] bytes, int from, int to, byte b) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read-only; nothing lost
            }
        }
    }

    /** Spills are read once, moments later: the fastest deflate level is the right trade. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
