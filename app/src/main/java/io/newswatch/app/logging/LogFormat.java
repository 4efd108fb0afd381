package io.newswatch.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.newswatch.core.Setting;
import io.newswatch.core.SettingType;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsDef;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The one switch between the log as people read it (one line of text per event, from logback.xml) and one JSON
 * object per line for log shippers (setting {@code log.format}, e.g. {@code NEWSWATCH_LOG_FORMAT=json}). JSON is
 * logstash-logback-encoder's: the field names Elasticsearch, Loki, Vector and Fluent Bit expect ({@code @timestamp}
 * in ISO-8601 UTC, {@code level}, {@code logger_name}, {@code thread_name}, {@code message}, {@code stack_trace} as one
 * string), MDC and SLF4J key-value pairs as fields of their own. A stack trace is cut to {@value #MAX_STACK_CHARS}
 * characters, root cause first: Docker's log driver splits lines above 16 KiB, and a split line is no longer JSON
 * to the shipper. Both formats go to the console appenders' streams: stdout stays for command output.
 */
public final class LogFormat {

    /** The formats {@code log.format} accepts. */
    public enum Format { TEXT, JSON }

    public static final SettingsDef DEF = new SettingsDef("logging");
    public static final Setting<Format> KEY = DEF.define("log.format", SettingType.enumOf(Format.class), Format.TEXT,
            "text: one line per event for people; json: one JSON object per line for log shippers");

    static final String JSON_APPENDER = "JSON";
    static final int MAX_STACK_CHARS = 12_000;

    /** The text appenders of logback.xml, set aside while JSON is on. */
    private static final List<Appender<ILoggingEvent>> TEXT_APPENDERS = new ArrayList<>();
    private static ConsoleAppender<ILoggingEvent> jsonAppender;

    private LogFormat() {
    }

    /** {@code log.format}: text (default) or json. */
    public static Format from(Settings settings) {
        return settings.get(KEY);
    }

    /** Switches the console log to the format the settings ask for. */
    public static void apply(Settings settings) {
        use(from(settings));
    }

    /** Switches the console log to {@code format}; does nothing when logging is not logback's (some test set-ups). */
    public static synchronized void use(Format format) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        boolean jsonOn = root.getAppender(JSON_APPENDER) != null;
        if (format == Format.JSON && !jsonOn) {
            List<Appender<ILoggingEvent>> text = new ArrayList<>();
            root.iteratorForAppenders().forEachRemaining(text::add);
            root.addAppender(jsonAppender(context)); // first, so that no event goes unlogged in between
            for (Appender<ILoggingEvent> appender : text) {
                root.detachAppender(appender);
                TEXT_APPENDERS.add(appender);
            }
        } else if (format == Format.TEXT && jsonOn) {
            TEXT_APPENDERS.forEach(root::addAppender);
            TEXT_APPENDERS.clear();
            root.detachAppender(JSON_APPENDER);
        }
    }

    private static ConsoleAppender<ILoggingEvent> jsonAppender(LoggerContext context) {
        if (jsonAppender != null) {
            return jsonAppender;
        }
        ShortenedThrowableConverter stack = new ShortenedThrowableConverter();
        stack.setContext(context);
        stack.setRootCauseFirst(true);
        stack.setMaxLength(MAX_STACK_CHARS);
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setThrowableConverter(stack);
        encoder.setTimeZone("UTC"); // one clock for every host: 2025-10-17T07:45:14.210Z
        encoder.start();
        ExpectedExactlyOnceNoise noise = new ExpectedExactlyOnceNoise();
        noise.setContext(context);
        noise.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(JSON_APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.addFilter(noise);
        appender.start();
        jsonAppender = appender;
        return appender;
    }
}
