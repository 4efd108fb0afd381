package io.newswatch.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A URL made safe to log and to show in metrics: user-info ({@code user:password@}) removed and the
 * values of query parameters that look like credentials ({@code token}, {@code api_key}, {@code sig}...)
 * replaced by {@code ***}. Feed URLs from private aggregators often carry keys.
 */
public final class LoggedUrl {

    private static final Set<String> SECRET_HINTS = Set.of("token", "key", "secret", "sig", "signature", "password", "passwd",
            "pass", "auth", "session", "code", "credential", "apikey", "access");

    private LoggedUrl() {
    }

    public static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return url;
            }
            StringBuilder out = new StringBuilder();
            out.append(uri.getScheme()).append("://").append(uri.getHost() == null ? "" : uri.getHost());
            if (uri.getPort() >= 0) {
                out.append(':').append(uri.getPort());
            }
            out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                out.append('?').append(redactQuery(uri.getRawQuery()));
            }
            return out.toString();
        } catch (Exception e) {
            int q = url.indexOf('?');
            String noQuery = q >= 0 ? url.substring(0, q) + "?***" : url;
            return noQuery.replaceAll("//[^/@]*@", "//");
        }
    }

    private static String redactQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && looksSecret(name)) {
                out.append(name).append("=***");
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (String hint : SECRET_HINTS) {
            if (n.contains(hint)) {
                return true;
            }
        }
        return false;
    }
}
