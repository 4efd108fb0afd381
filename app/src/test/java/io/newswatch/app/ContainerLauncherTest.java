package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's launcher (docker/newswatch), run by sh with a stand-in {@code java} that prints its arguments. */
@DisplayName("docker/newswatch: the JVM command line it starts")
class ContainerLauncherTest {

    private static final Path LAUNCHER = Path.of("..", "docker", "newswatch").toAbsolutePath();

    @TempDir
    Path bin;

    private String javaCommandLine(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = LAUNCHER.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(bin.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("NEWSWATCH_JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    @DisplayName("replay and import run with the parallel collector; the live commands with the JVM's default")
    void batchCommandsGetTheParallelCollector() throws Exception {
        assertThat(javaCommandLine(Map.of(), "replay", "--prefix", "bt.")).contains("-XX:+UseParallelGC")
                .endsWith("-jar /app/newswatch.jar replay --prefix bt.");
        assertThat(javaCommandLine(Map.of("NEWSWATCH_JAVA_OPTS", "-Xmx1g -XX:MaxGCPauseMillis=50"), "import", "f.jsonl"))
                .startsWith("-Xmx1g -XX:MaxGCPauseMillis=50 -XX:+UseParallelGC");
        assertThat(javaCommandLine(Map.of(), "run")).doesNotContain("GC");
    }

    @Test
    @DisplayName("a collector the JVM is told of otherwise wins: two collectors would stop the JVM")
    void aCollectorNamedElsewhereWins() throws Exception {
        assertThat(javaCommandLine(Map.of("NEWSWATCH_JAVA_OPTS", "-XX:+UseG1GC"), "replay")).doesNotContain("UseParallelGC");
        assertThat(javaCommandLine(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseZGC"), "replay")).doesNotContain("UseParallelGC");
        assertThat(javaCommandLine(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseSerialGC"), "import")).doesNotContain("UseParallelGC");
    }

    @Test
    @DisplayName("options are split into words, never expanded as file names (the working directory holds a file)")
    void optionsAreNotGlobbed() throws Exception {
        assertThat(javaCommandLine(Map.of("NEWSWATCH_JAVA_OPTS", "-Xmx1g *"), "replay")).startsWith("-Xmx1g * -XX:+UseParallelGC");
    }
}
