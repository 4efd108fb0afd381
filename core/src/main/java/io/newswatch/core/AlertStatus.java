package io.newswatch.core;

/**
 * The lifecycle of one alert: one story for the user, not a flood.
 * OPENED once, UPDATED only when it escalates, RESOLVED once when coverage is back near its baseline.
 */
public enum AlertStatus {
    OPENED,
    UPDATED,
    RESOLVED
}
