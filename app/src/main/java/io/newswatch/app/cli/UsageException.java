package io.newswatch.app.cli;

/**
 * The user asked for something that cannot be done as asked (a file that does not exist, a stage name
 * that is not one, a topic that is not there): reported as one line and exit code {@link ExitCodes#USAGE}.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
