package io.newswatch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.core.Alert;
import io.newswatch.core.AlertStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A labelled real event (samples/backtest/*-events.yaml) and how a watch's alerts met the events labelled for it. */
record LabelledEvent(String title, Instant start, Instant end, List<String> watches) {

    static List<LabelledEvent> load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<LabelledEvent> out = new ArrayList<>();
        for (JsonNode e : root.get("events")) {
            List<String> watches = new ArrayList<>();
            e.get("watches").forEach(w -> watches.add(w.asText()));
            out.add(new LabelledEvent(e.get("title").asText(), Instant.parse(e.get("start").asText()), Instant.parse(e.get("end").asText()),
                    watches));
        }
        return out;
    }

    record Score(int events, int found, int falseOpened) {
    }

    /** An event is found when an OPENED falls in [start - 2h, end]; an OPENED in no event of the watch is false. */
    static Score score(List<LabelledEvent> events, String watchId, List<Alert> alerts) {
        List<LabelledEvent> mine = events.stream().filter(e -> e.watches().contains(watchId)).toList();
        List<Instant> opened = alerts.stream().filter(a -> a.status() == AlertStatus.OPENED).map(Alert::eventTime).toList();
        int found = 0;
        for (LabelledEvent e : mine) {
            if (opened.stream().anyMatch(t -> e.covers(t))) {
                found++;
            }
        }
        int falseOpened = (int) opened.stream().filter(t -> mine.stream().noneMatch(e -> e.covers(t))).count();
        return new Score(mine.size(), found, falseOpened);
    }

    boolean covers(Instant t) {
        return !t.isBefore(start.minus(Duration.ofHours(2))) && !t.isAfter(end);
    }
}
