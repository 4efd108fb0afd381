package io.newswatch.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswatch.core.Alert;
import io.newswatch.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body POSTed to a webhook: {@code text} (the alert's one-line summary, which is all a Slack
 * incoming webhook needs) and the whole {@code alert} for machines.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static byte[] of(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", alert.summary());
        body.put("alert", alert);
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook payload for alert " + alert.alertId(), e);
        }
    }
}
