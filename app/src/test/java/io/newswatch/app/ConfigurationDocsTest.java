package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.app.options.KnownSettings;
import io.newswatch.core.Setting;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIGURATION*.md against the declarations ({@link KnownSettings}): every declared key has a table row whose
 * default is the declared one, and every key in a table is declared. The docs stay hand-written (they explain more
 * than a one-line doc can), and this keeps them true.
 */
@DisplayName("docs/CONFIGURATION*.md match the declared settings")
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9.<>-]*)`\\s*\\|([^|]*)\\|");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    /** The first words of every key newswatch reads. */
    private static final Pattern SETTING_KEY = Pattern.compile("(kafka|broker|app|http|metrics|log|topics|ingest|enrich|alerts)\\..+");

    /** Key to the default column of its row, over every configuration document. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> docs = Files.list(DOCS)) {
            files = docs.filter(p -> p.getFileName().toString().matches("CONFIGURATION.*\\.md")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = ROW.matcher(line);
                if (m.find() && SETTING_KEY.matcher(m.group(1)).matches()) {
                    assertThat(rows.put(m.group(1), m.group(2).trim())).as(m.group(1) + " documented twice").isNull();
                }
            }
        }
        return rows;
    }

    @Test
    @DisplayName("every declared setting is documented with its default")
    void everyDeclaredSettingDocumented() throws IOException {
        Map<String, String> documented = documentedDefaults();
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : KnownSettings.CATALOG.settings()) {
            String cell = documented.get(setting.key());
            if (cell == null) {
                problems.add(setting.key() + " is declared but has no row in docs/CONFIGURATION*.md");
            } else if (!showsDefault(setting, cell)) {
                problems.add(setting.key() + ": the docs say the default is '" + cell + "', the declaration '"
                        + setting.documentedDefault() + "'");
            }
        }
        for (SettingsDef.PrefixSetting prefix : KnownSettings.CATALOG.prefixes()) {
            if (!documented.containsKey(prefix.prefix() + "<name>")) {
                problems.add(prefix.prefix() + "<name> is declared but has no row in docs/CONFIGURATION*.md");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every key in a configuration table is declared")
    void everyDocumentedKeyDeclared() throws IOException {
        List<String> declared = new ArrayList<>(KnownSettings.CATALOG.settings().stream().map(Setting::key).toList());
        KnownSettings.CATALOG.prefixes().forEach(p -> declared.add(p.prefix() + "<name>"));

        assertThat(documentedDefaults().keySet()).allSatisfy(key -> assertThat(declared).as("declared keys").contains(key));
    }

    @Test
    @DisplayName("the shipped config/newswatch.yaml uses only declared keys")
    void shippedConfigKnown() {
        KnownSettings.CATALOG.requireKnown(Settings.load(Path.of("..", "config", "newswatch.yaml"), Map.of(), Map.of()));
    }

    /** The cell names the derived default, or one of its code spans (or the whole cell) parses to the declared default. */
    private static boolean showsDefault(Setting<?> setting, String cell) {
        String plain = cell.replace("`", "");
        if (setting.defaultValue().isEmpty()) {
            return plain.contains(setting.documentedDefault());
        }
        Object value = setting.defaultValue().get();
        if ("".equals(value)) {
            return plain.contains("empty");
        }
        List<String> candidates = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            candidates.add(code.group(1));
        }
        if (candidates.isEmpty()) {
            candidates.add(plain);
        }
        for (String candidate : candidates) {
            try {
                if (Objects.equals(setting.type().parser().parse(candidate.trim()), value)) {
                    return true;
                }
            } catch (Exception notThisOne) {
                // another code span in the cell may be the default
            }
        }
        return false;
    }
}
