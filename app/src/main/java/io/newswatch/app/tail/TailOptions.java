package io.newswatch.app.tail;

/**
 * Where a tail starts and when it stops.
 *
 * @param fromBeginning start at the earliest record of each partition
 * @param last          otherwise, start this many records before the end of each partition
 * @param follow        keep waiting for new records instead of stopping at the end
 * @param max           stop after this many records (0 = no limit)
 */
public record TailOptions(boolean fromBeginning, int last, boolean follow, long max) {
}
