package io.newswatch.app.command;

/** How a command prints records; lower-case so that {@code --format text} reads naturally. */
enum OutputFormat {
    /** One compact JSON object per line, for jq and programs. */
    json,
    /** Readable lines, for people. */
    text
}
