package io.newswatch.app.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswatch.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code /ready}: {@code {"status":"READY"|"NOT_READY","broker":{...},"stages":{...},"waitingFor":[...]}},
 * so that whoever reads a failed probe sees at once which stage or the broker holds it up.
 */
final class ReadinessJson {

    private ReadinessJson() {
    }

    static String of(Readiness.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "READY" : "NOT_READY");
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("reachable", report.broker().reachable());
        broker.put("detail", report.broker().detail());
        body.put("broker", broker);
        body.put("stages", report.stages());
        body.put("waitingFor", report.waiting());
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the readiness report", e);
        }
    }
}
