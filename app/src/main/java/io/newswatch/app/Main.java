package io.newswatch.app;

import io.newswatch.ingest.fetch.HttpFeedFetcher;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The process entry point of newswatch.jar: routes java.util.logging to SLF4J, runs the command, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Some libraries (the JDK's HttpClient, parts of Kafka's tooling) log through java.util.logging.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Before any HttpClient exists (the webhook client is made before ingest's): the JDK reads it once.
        HttpFeedFetcher.keepConnectionsBetweenPolls();
        System.exit(NewswatchCommand.execute(args));
    }
}
