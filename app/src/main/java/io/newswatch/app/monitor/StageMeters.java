package io.newswatch.app.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The counters of one stage, each tagged with the stage's name and read from where the stage already counts
 * (Kafka Streams sensors, client metrics, the webhook dispatcher's counters) when Prometheus scrapes.
 */
public final class StageMeters implements MeterBinder {

    private final String stage;
    /** Held here: Micrometer keeps only a weak reference to a function counter's source. */
    private final List<Counted> counters = new ArrayList<>();

    private record Counted(String name, String description, Tags tags, DoubleSupplier value) {
    }

    public StageMeters(String stage) {
        this.stage = stage;
    }

    /** Adds a counter; {@code tags} come in pairs of key and value, besides the stage tag. */
    public StageMeters counter(String name, String description, DoubleSupplier value, String... tags) {
        counters.add(new Counted(name, description, Tags.of(tags), value));
        return this;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Counted c : counters) {
            FunctionCounter.builder(c.name(), c, x -> x.value().getAsDouble())
                    .description(c.description())
                    .tags(c.tags().and(MeterNames.STAGE, stage))
                    .register(registry);
        }
    }
}
