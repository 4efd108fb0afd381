package io.newswatch.ingest.service;

import io.newswatch.core.Article;
import io.newswatch.ingest.FeedProblem;
import java.util.List;

/**
 * What reading one feed (or one directory of feeds) produced.
 *
 * @param source   what was asked for
 * @param articles the normalized articles, in document order
 * @param problems what went wrong or had to be repaired; empty for a clean feed
 */
public record FeedReadResult(String source, List<Article> articles, List<FeedProblem> problems) {

    public FeedReadResult {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    /** True when no problem was an error. */
    public boolean ok() {
        return problems.stream().noneMatch(p -> p.severity() == FeedProblem.Severity.ERROR);
    }
}
