package io.newswatch.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML file of labelled events, for {@code newswatch backtest report --events}:
 *
 * <pre>
 * stream: newsapi-2023             # what stream the labels are for (informative)
 * events:
 *   - title: Wagner mutiny in Russia
 *     start: 2023-06-23T20:00:00Z  # ISO-8601; a date alone means its start, UTC
 *     end: 2023-06-25T12:00:00Z
 *     watches: [putin]             # the watches that should fire
 * </pre>
 *
 * Other fields of an event (notes, sources) are ignored. A missing or bad field fails with the event's number and title.
 *
 * @param stream the {@code stream:} field, or null
 */
public record EventsFile(String stream, List<LabelledEvent> events) {

    private static final long MAX_BYTES = 4 * 1024 * 1024;

    public EventsFile {
        events = List.copyOf(events);
    }

    public static EventsFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("events file " + file + " does not exist");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("events file " + file + " is larger than 4 MiB");
            }
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("events file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; {@code origin} names the source in messages. */
    public static EventsFile parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("events file " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        JsonNode list = root != null && root.isObject() ? root.get("events") : null;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("events file " + origin + ": expected a top-level 'events:' list");
        }
        List<LabelledEvent> events = new ArrayList<>();
        int number = 0;
        for (JsonNode node : list) {
            number++;
            events.add(event(node, "events file " + origin + ", event #" + number));
        }
        String stream = root.hasNonNull("stream") ? root.get("stream").asText() : null;
        return new EventsFile(stream, events);
    }

    private static LabelledEvent event(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with title, start, end and watches");
        }
        String title = node.hasNonNull("title") ? node.get("title").asText().trim() : "";
        if (title.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'title' is missing");
        }
        String named = where + " (" + title + ")";
        Instant start = time(node, "start", named);
        Instant end = time(node, "end", named);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException(named + ": 'start' " + start + " must be before 'end' " + end);
        }
        JsonNode watchesNode = node.get("watches");
        List<String> watches = new ArrayList<>();
        if (watchesNode != null && watchesNode.isTextual()) {
            watches.add(watchesNode.asText().trim());
        } else if (watchesNode != null && watchesNode.isArray()) {
            watchesNode.forEach(w -> watches.add(w.asText().trim()));
        }
        watches.removeIf(String::isEmpty);
        if (watches.isEmpty()) {
            throw new IllegalArgumentException(named + ": 'watches' must list at least one watch id");
        }
        return new LabelledEvent(title, start, end, watches.stream().distinct().toList());
    }

    private static Instant time(JsonNode node, String field, String where) {
        String text = node.hasNonNull(field) ? node.get(field).asText().trim() : "";
        if (text.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(where + ": '" + field + "' must be an ISO-8601 time such as 2023-06-23T20:00:00Z, got '"
                        + text + "'");
            }
        }
    }
}
