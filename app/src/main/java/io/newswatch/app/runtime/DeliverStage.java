package io.newswatch.app.runtime;

import io.newswatch.alerts.AlertsSettings;
import io.newswatch.alerts.delivery.WebhookDispatcher;
import io.newswatch.app.monitor.Monitor;
import io.newswatch.app.monitor.PipelineMeters;
import io.newswatch.core.Settings;

/**
 * Webhook delivery: a {@link WebhookDispatcher} posting each alert event to its watch's webhook. It is its own consumer
 * group on the alert topic, so a slow webhook never holds up detection; a dispatcher whose thread dies stops the
 * command, as a failed Streams stage does. A replay leaves this stage out unless asked (it would post to live webhooks).
 */
public final class DeliverStage implements PipelineStage {

    public static final String LABEL = "deliver";

    private final AlertsSettings settings;

    private DeliverStage(AlertsSettings settings) {
        this.settings = settings;
    }

    public static DeliverStage plan(Settings settings) {
        return new DeliverStage(AlertsSettings.from(settings));
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public RunningStage start(StageContext context) {
        WebhookDispatcher webhooks = new WebhookDispatcher(settings, context.cluster().clientProperties(), context.topics());
        webhooks.start(context.failures());
        try {
            Monitor monitor = context.monitor();
            monitor.bindConsumer(webhooks.alertConsumer());
            monitor.bindProducer(webhooks.deadLetterProducer());
            monitor.bind(PipelineMeters.deliver(webhooks, context.topics()));
        } catch (RuntimeException e) {
            webhooks.close(); // not yet handed to the supervisor: nothing else would stop its thread
            throw e;
        }
        return RunningStage.of(LABEL, webhooks::running, webhooks::close);
    }
}
