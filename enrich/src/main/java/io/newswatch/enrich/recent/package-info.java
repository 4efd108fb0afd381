/**
 * Stores of recent entries, shared by dedup and story ids: {@link io.newswatch.enrich.recent.TimeOrderedLog}, the
 * changelogged log of entries in event-time order behind an in-memory index (stored in pages, {@code LogPage}), and
 * {@link io.newswatch.enrich.recent.SweepSchedule}, when such a store forgets what has aged out.
 *
 * <p>In: entries with their event time, from the processors of {@code dedup} and {@code story}. Out: the entries back
 * when a task starts (to rebuild the index), and expiry in time order. Depends on nothing else of enrich.
 */
package io.newswatch.enrich.recent;
