package kz.shipcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The html report's fixed style sheet and filter script, kept as resource files beside this class
 * so they can be read and edited as CSS and JavaScript. The Content-Security-Policy allows that one
 * script by its hash, computed here from the text the page embeds, so editing the script can never
 * leave a stale hash that makes the browser refuse it.
 */
final class HtmlAssets {
  static final String SCRIPT = read("html-report.js");
  static final String STYLE = read("html-report.css");
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + sha256(SCRIPT) + "'";

  private HtmlAssets() {}

  private static String read(String name) {
    try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + name + " beside " + HtmlAssets.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String s) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
