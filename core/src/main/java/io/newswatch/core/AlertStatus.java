package io.newswatch.core;

/** The lifecycle of one alert: one story for the user, not a flood. */
public enum AlertStatus {
    OPENED,
    UPDATED,
    RESOLVED
}
