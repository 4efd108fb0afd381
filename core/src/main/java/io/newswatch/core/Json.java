package io.newswatch.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * The one JSON configuration of the project: camelCase fields, ISO-8601 UTC times and durations,
 * unknown fields ignored (so older readers survive newer writers), nulls left out.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configured(JsonMapper.builder());
    /**
     * The same configuration on a factory of its own that keeps no table of field names. Jackson keeps the names it has
     * read in a table shared by every parser of a factory, rebuilt from empty once it passes 6,000 names; records whose
     * map keys are data (slot and bucket numbers, a new name every few minutes of event time) filled the shared table
     * over and over, and every parser in the process, the articles' included, then re-added its names and copied the
     * table to do so (about a twentieth of the alerts stage in a replay).
     */
    private static final ObjectMapper DATA_KEYS_MAPPER = configured(JsonMapper.builder(
            JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build()));

    private static ObjectMapper configured(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                // After JavaTimeModule, so it takes precedence for Instant: the same instants, read faster.
                .addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The mapper for records with maps keyed by data (numbers, ids): the same JSON, field names not kept. */
    public static ObjectMapper mapperForDataKeys() {
        return DATA_KEYS_MAPPER;
    }
}
