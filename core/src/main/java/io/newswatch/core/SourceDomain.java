package io.newswatch.core;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The outlet a host belongs to: its registrable domain (the public suffix plus one label, "eTLD+1"), so
 * {@code www.bbc.co.uk}, {@code news.bbc.co.uk} and {@code bbc.co.uk} are one source, and {@code edition.cnn.com}
 * is {@code cnn.com}. This is {@link Article#sourceDomain()}, what alerts count distinct sources by.
 *
 * <p>The public suffix list is Guava's copy ({@link InternetDomainName}), updated with each Guava release:
 * a hand list of {@code co.uk}-like suffixes would always be missing some. The whole list is used, its
 * private section included, so each blog under a hosting suffix such as {@code blogspot.com} or
 * {@code github.io} is its own source (they are different publishers), as the list's maintainers intend.
 *
 * <p>Hosts the list cannot reduce are kept whole, without a leading {@code www.}: IP addresses, single-label
 * names ({@code localhost}), names under no known suffix ({@code intranet.corp}, the reserved {@code .example})
 * and a public suffix itself ({@code blogspot.com}). Two such hosts are two sources, the safe side for a
 * count that should not merge publishers.
 */
public final class SourceDomain {

    private SourceDomain() {
    }

    /**
     * @param host a host name as in a URL (any case, optionally with a trailing dot), or null
     * @return the registrable domain in lower case; the host itself (lower case, without {@code www.}) when it has
     *         none; null for a null or blank host
     */
    public static String of(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") || InetAddresses.isInetAddress(h) || !InternetDomainName.isValid(h)) {
            return withoutWww(h);
        }
        InternetDomainName name = InternetDomainName.from(h);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : withoutWww(h);
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
