package io.newswatch.alerts.watch;

/** A watch was refused; the message names the watch and the field at fault. */
public class InvalidWatchException extends RuntimeException {

    private final String watchId;
    private final String field;

    public InvalidWatchException(String watchId, String field, String problem) {
        super("watch '" + (watchId == null ? "?" : watchId) + "': field '" + field + "' " + problem);
        this.watchId = watchId;
        this.field = field;
    }

    public String watchId() {
        return watchId;
    }

    /** The field at fault, as named in watches.yaml and on the CLI (e.g. {@code bucket}, {@code webhookUrl}). */
    public String field() {
        return field;
    }
}
