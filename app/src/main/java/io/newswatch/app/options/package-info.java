/**
 * The options every command shares. In: flags, {@code NEWSWATCH_*} environment variables and the settings file.
 * Out: the checked {@link io.newswatch.core.Settings} ({@link io.newswatch.app.options.CommonOptions}), refusing keys
 * outside {@link io.newswatch.app.options.KnownSettings}; the embedded broker's options
 * ({@link io.newswatch.app.options.EmbeddedBrokerOptions}).
 */
package io.newswatch.app.options;
