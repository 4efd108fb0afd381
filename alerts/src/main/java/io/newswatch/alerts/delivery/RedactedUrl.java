package io.newswatch.alerts.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A webhook URL as it may appear in logs and dead-letter headers: scheme, host and port only, plus a short
 * fingerprint to tell two webhooks on one host apart. Webhook URLs are credentials (Slack's secret is in
 * the path; others put tokens in the query or user info), so the full URL is never printed.
 */
public final class RedactedUrl {

    private RedactedUrl() {
    }

    public static String of(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/...#" + fingerprint(uri.toString());
    }

    private static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
