package io.newswatch.app.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an import reads: each FILE as given (its form told by name or content), and each DIR walked
 * recursively for files whose names say they are ours ({@code .jsonl}, {@code .ndjson}, {@code .json},
 * {@code .csv}, {@code .xml}, {@code .rss}, {@code .atom}, {@code .rdf}, each also {@code .gz}); other files in
 * a directory (a README, a checksum) are skipped and counted, not read as broken CSV. In path order, so
 * a report reads the same every time.
 *
 * @param files   files to read
 * @param skipped files in directories that were not read
 * @param missing arguments that name nothing
 */
public record ImportInputs(List<Path> files, int skipped, List<Path> missing) {

    public static ImportInputs expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        int skipped = 0;
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    List<Path> inside = walk.filter(Files::isRegularFile).sorted().toList();
                    for (Path f : inside) {
                        if (InputForm.byName(f) != null && !f.getFileName().toString().startsWith(".")) {
                            files.add(f);
                        } else {
                            skipped++;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                missing.add(p);
            }
        }
        return new ImportInputs(files, skipped, missing);
    }
}
