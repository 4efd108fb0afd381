package io.newswatch.enrich.entities;

/** A gazetteer file is missing, unreadable or inconsistent; the message names the file and the entry at fault. */
public class GazetteerFormatException extends RuntimeException {
    public GazetteerFormatException(String message) {
        super(message);
    }

    public GazetteerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
