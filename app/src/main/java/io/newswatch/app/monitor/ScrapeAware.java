package io.newswatch.app.monitor;

/** A meter binder whose set of meters changes at run time: it is told before each scrape to catch up. */
public interface ScrapeAware {

    void beforeScrape();
}
