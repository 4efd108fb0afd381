package io.newswatch.app.importer;

/** One line or record of an input that cannot become an article; the message says why, for {@code FILE:LINE: reason}. */
final class BadRecordException extends Exception {
    BadRecordException(String reason) {
        super(reason, null, false, false); // expected and counted: no stack trace to fill
    }
}
