package io.newswatch.core;

/** A setting is missing or malformed; the message names the config key and where its value came from. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
