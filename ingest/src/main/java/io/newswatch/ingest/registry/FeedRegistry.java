package io.newswatch.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.FeedSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Turns the {@code ingest.feeds} entries into feed sources. Each entry is one of:
 * <ul>
 *   <li>an OPML file ({@code .opml}), the format every feed reader exports: every {@code <outline>} with
 *       an {@code xmlUrl}, at any depth, is a feed named by its {@code title} or {@code text};</li>
 *   <li>a YAML file ({@code .yaml}/{@code .yml}): {@code feeds:} a list of {@code {url|path, name}}
 *       (or bare strings);</li>
 *   <li>a directory: every {@code .xml}, {@code .rss}, {@code .atom} and {@code .rdf} file in it, sorted;</li>
 *   <li>a single feed file, or an http(s) URL.</li>
 * </ul>
 * Relative paths in OPML/YAML resolve against the list's own directory. A missing or unreadable entry is
 * reported as a problem and skipped, so one bad entry never stops the other feeds. Duplicates (the same
 * location listed twice) are kept once, first name wins.
 */
public final class FeedRegistry {

    /** The sources found and the problems met on the way. */
    public record Loaded(List<FeedSource> sources, List<FeedProblem> problems) {
        public Loaded {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    private FeedRegistry() {
    }

    public static Loaded load(List<String> entries) {
        Map<String, FeedSource> sources = new LinkedHashMap<>();
        List<FeedProblem> problems = new ArrayList<>();
        for (String entry : entries) {
            try {
                for (FeedSource source : expand(entry.trim(), null)) {
                    sources.putIfAbsent(source.location(), source);
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new FeedProblem(entry, FeedProblem.Stage.REGISTRY, FeedProblem.Severity.ERROR, e.getMessage()));
            }
        }
        return new Loaded(new ArrayList<>(sources.values()), problems);
    }

    private static List<FeedSource> expand(String entry, String name) throws IOException {
        if (entry.regionMatches(true, 0, "http://", 0, 7) || entry.regionMatches(true, 0, "https://", 0, 8)) {
            return List.of(new FeedSource(entry, name));
        }
        Path path = Path.of(entry.startsWith("file:") ? URI.create(entry).getPath() : entry).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return directory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("feed list entry " + entry + ": no such file or directory (" + path + ")");
        }
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".opml")) {
            return opml(path);
        }
        if (file.endsWith(".yaml") || file.endsWith(".yml")) {
            return yaml(path);
        }
        return List.of(new FeedSource(path.toString(), name));
    }

    private static List<FeedSource> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(xml|rss|atom|rdf)"))
                    .sorted()
                    .map(p -> new FeedSource(p.toString(), null))
                    .toList();
        }
    }

    static List<FeedSource> opml(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = secureBuilderFactory().newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("OPML file " + file + " is not valid XML: " + e.getMessage(), e);
        }
        NodeList outlines = doc.getElementsByTagName("outline");
        List<FeedSource> out = new ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            String url = outline.getAttribute("xmlUrl").trim();
            if (url.isEmpty()) {
                continue; // a folder
            }
            String name = !outline.getAttribute("title").isBlank() ? outline.getAttribute("title") : outline.getAttribute("text");
            out.add(new FeedSource(resolve(url, file), name.isBlank() ? null : name.trim()));
        }
        return out;
    }

    static List<FeedSource> yaml(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode feeds = root == null ? null : root.isArray() ? root : root.get("feeds");
        if (feeds == null || !feeds.isArray()) {
            throw new IllegalArgumentException("YAML feed list " + file + ": expected 'feeds:' with a list of {url, name} entries");
        }
        List<FeedSource> out = new ArrayList<>();
        for (JsonNode node : feeds) {
            String location = node.isTextual() ? node.asText()
                    : node.hasNonNull("url") ? node.get("url").asText() : node.hasNonNull("path") ? node.get("path").asText() : null;
            if (location == null || location.isBlank()) {
                throw new IllegalArgumentException("YAML feed list " + file + ": entry " + node + " has neither url nor path");
            }
            String name = node.hasNonNull("name") ? node.get("name").asText() : null;
            String resolved = resolve(location.trim(), file);
            if (resolved.startsWith("http")) {
                out.add(new FeedSource(resolved, name));
            } else {
                for (FeedSource s : expand(resolved, name)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String resolve(String location, Path listFile) {
        if (location.regionMatches(true, 0, "http://", 0, 7) || location.regionMatches(true, 0, "https://", 0, 8)) {
            return location;
        }
        Path p = Path.of(location);
        return (p.isAbsolute() ? p : listFile.toAbsolutePath().getParent().resolve(p)).normalize().toString();
    }

    private static DocumentBuilderFactory secureBuilderFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
