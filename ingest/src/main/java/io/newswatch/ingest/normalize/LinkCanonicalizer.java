package io.newswatch.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links to the canonical form used for identity: resolved against the feed's base, scheme and host
 * lower-cased, default port dropped, fragment dropped, and tracking parameters removed ({@code utm_*},
 * {@code fbclid}, {@code gclid} and the rest below), so the same story shared through two campaigns is
 * one article.
 */
public final class LinkCanonicalizer {

    /** Query parameters that only say how a reader arrived, never which page they want. */
    static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl",
            "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "cmp", "smid", "sr_share", "ito", "ns_mchannel",
            "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "wt.mc_id", "icid", "ref_src", "spm", "taid", "xtor");

    /** Query pairs are separated by {@code &} or, in older CGI style, {@code ;}. */
    private static final Pattern QUERY_SEPARATOR = Pattern.compile("[&;]");

    private LinkCanonicalizer() {
    }

    /**
     * A link resolved, its canonical form and its {@link #host(String) host} (each null when there is none).
     * The article's source domain is {@code SourceDomain.of(host)}.
     */
    public record ResolvedLink(String link, String canonical, String host) {
    }

    /**
     * {@link #resolve}, {@link #canonical} and {@link #host} of one link with one parse, for the
     * per-article path (three parses of every link were a noticeable part of normalizing a feed).
     */
    public static ResolvedLink resolveAll(String link, String base) {
        URI uri = resolveUri(link, base);
        if (uri == null) {
            return new ResolvedLink(null, null, null);
        }
        String resolved = uri.toString();
        Canonical canonical = canonical(uri, resolved);
        return new ResolvedLink(resolved, canonical.link(), canonical.host() == null ? null : withoutWww(canonical.host()));
    }

    /**
     * Resolves {@code link} against {@code base} (may be null). Returns null for null/blank links and
     * for anything that is not an absolute http(s) URL after resolution (javascript:, mailto:, junk).
     */
    public static String resolve(String link, String base) {
        URI uri = resolveUri(link, base);
        return uri == null ? null : uri.toString();
    }

    private static URI resolveUri(String link, String base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.trim().replace(" ", "%20");
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() && base != null && !base.isBlank()) {
                uri = new URI(base.trim().replace(" ", "%20")).resolve(uri);
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                return null;
            }
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The canonical form of an absolute http(s) link, or the input unchanged when it cannot be parsed. */
    public static String canonical(String absoluteLink) {
        if (absoluteLink == null) {
            return null;
        }
        try {
            return canonical(new URI(absoluteLink), absoluteLink).link();
        } catch (URISyntaxException e) {
            return absoluteLink;
        }
    }

    /** A canonical link and its lower-cased host (null when the link has none, and is then kept as it was). */
    private record Canonical(String link, String host) {
    }

    private static Canonical canonical(URI uri, String asWritten) {
        if (uri.getRawAuthority() == null) {
            return new Canonical(asWritten, null);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null) {
            return new Canonical(asWritten, null);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        StringBuilder out = new StringBuilder(asWritten.length());
        out.append(scheme).append("://").append(host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = cleanQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return new Canonical(out.toString(), host);
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(rawQuery.length());
        for (String pair : QUERY_SEPARATOR.split(rawQuery)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || name.startsWith("at_") || TRACKING_PARAMETERS.contains(name)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair);
        }
        return out.toString();
    }

    /**
     * The host of a link, lower case, with a leading {@code www.} removed, or null. Not the outlet's registrable
     * domain (core's {@code SourceDomain} makes that from this host): GUID-based article ids are namespaced by this
     * form, and must stay as they were made.
     */
    public static String host(String absoluteLink) {
        if (absoluteLink == null) {
            return null;
        }
        try {
            String host = new URI(absoluteLink).getHost();
            if (host == null) {
                return null;
            }
            return withoutWww(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
