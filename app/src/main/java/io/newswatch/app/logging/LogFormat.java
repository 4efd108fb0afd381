package io.newswatch.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.newswatch.core.Settings;
import io.newswatch.core.SettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The one switch between the log as people read it (one line of text per event, from logback.xml) and one JSON
 * object per line for log shippers (setting {@code log.format}, e.g. {@code NEWSWATCH_LOG_FORMAT=json}). JSON is
 * logback's own {@link JsonEncoder} (no extra dependency), trimmed to what a shipper indexes: time in epoch
 * milliseconds, level, thread, logger, the formatted message, key-value pairs, MDC, markers and the exception with
 * its stack; the logger context and the unformatted message with its arguments are left out. Both go to stderr:
 * stdout stays for command output.
 */
public final class LogFormat {

    public static final String KEY = "log.format";

    /** The formats {@code log.format} accepts. */
    public enum Format { TEXT, JSON }

    static final String JSON_APPENDER = "JSON";

    /** The text appenders of logback.xml, set aside while JSON is on. */
    private static final List<Appender<ILoggingEvent>> TEXT_APPENDERS = new ArrayList<>();
    private static ConsoleAppender<ILoggingEvent> jsonAppender;

    private LogFormat() {
    }

    /** {@code log.format}: text (default) or json. */
    public static Format from(Settings settings) {
        String value = settings.string(KEY, "text").trim();
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("config key " + KEY + ": expected text or json, got '" + value + "'");
        }
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
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
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
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
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
