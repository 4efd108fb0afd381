package io.newswatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where relative paths point. {@code bin/newswatch} starts the JVM in the project root, so that the
 * relative paths in config/newswatch.yaml ({@code config/feeds.opml}, {@code data}) mean the same from
 * any directory, and passes the directory the user typed the command in as the system property
 * {@value #USER_DIR_PROPERTY}, so that a path on the command line ({@code parse ~/feed.xml},
 * {@code tag notes.txt}) still means what the user meant. Started any other way, both are the
 * working directory. The container image's launcher sets {@value #COMMAND_PROPERTY} to {@code newswatch}, the
 * command that exists there, so that hints in the log name it rather than {@code bin/newswatch}.
 */
public final class Workspace {

    public static final String USER_DIR_PROPERTY = "newswatch.user-dir";
    public static final String COMMAND_PROPERTY = "newswatch.command";
    public static final Path DEFAULT_CONFIG = Path.of("config", "newswatch.yaml");

    private Workspace() {
    }

    /** A path typed by the user, resolved against the directory the command was typed in. */
    public static Path userPath(Path typed) {
        if (typed.isAbsolute()) {
            return typed;
        }
        String userDir = System.getProperty(USER_DIR_PROPERTY);
        return userDir == null || userDir.isBlank() ? typed : Path.of(userDir).resolve(typed).normalize();
    }

    /** How the user starts newswatch, for hints in logs and output: {@code bin/newswatch} unless the launcher says. */
    public static String command() {
        String command = System.getProperty(COMMAND_PROPERTY);
        return command == null || command.isBlank() ? "bin/newswatch" : command;
    }

    /** The project's settings file, when there is one in the working directory. */
    public static Optional<Path> defaultConfig() {
        return Files.isRegularFile(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty();
    }
}
