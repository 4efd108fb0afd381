package io.newswatch.app.command;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.core.Article;
import io.newswatch.core.Json;
import io.newswatch.ingest.FeedProblem;
import io.newswatch.ingest.IngestSettings;
import io.newswatch.ingest.service.FeedReadResult;
import io.newswatch.ingest.service.FeedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswatch parse FEED...}: what the ingest stage would make of some feeds, without Kafka. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Fetch or read feeds and print their normalized articles as JSON lines on stdout.",
            "FEED is an http(s) URL, a feed file, a directory of feed files, or an OPML/YAML feed list. "
                    + "Every feed goes through the ingest stage's own fetcher, caps, parser and normalizer.",
            "Problems go to stderr, one line each, naming the feed. Exit code 1 if any feed failed; the others are still printed."})
public final class ParseCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feeds to read.")
    List<String> feeds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IngestSettings settings = IngestSettings.from(common.load());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectWriter writer = Json.mapper().writerFor(Article.class);
        boolean failed = false;
        for (String feed : feeds) {
            FeedReadResult result = FeedReader.read(locate(feed), settings);
            for (Article article : result.articles()) {
                out.println(writer.writeValueAsString(article));
            }
            out.flush();
            for (FeedProblem problem : result.problems()) {
                err.println("newswatch parse: " + problem);
            }
            failed |= !result.ok();
        }
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A URL stays a URL; a path is read from where the user typed the command. */
    static String locate(String feed) {
        String lower = feed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            return feed;
        }
        return Workspace.userPath(Path.of(feed)).toString();
    }
}
