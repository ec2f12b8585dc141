package kz.shipcheck.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's digest: {@code SHA256SUMS} in the format {@code sha256sum} writes and checks ({@code
 * <hex> <path>}, one line per file, paths sorted, forward slashes), over every file of the pack but
 * the digest and its signature. The pack's sha256 is the SHA-256 of that text, so a folder and the
 * zip built from it have the same sha256, and a user can check an unzipped pack with {@code
 * sha256sum -c SHA256SUMS} without shipcheck.
 */
public final class PackDigest {
  public static final String SUMS = "SHA256SUMS";
  public static final String SIGNATURE = "SHA256SUMS.sig";

  private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S(?:.*\\S)?)");

  private PackDigest() {}

  /** True for the digest's own files, which the digest does not cover. */
  public static boolean isDigestFile(String name) {
    return name.equals(SUMS) || name.equals(SIGNATURE);
  }

  /** The {@code SHA256SUMS} text of these files (the digest's own files left out). */
  public static String sums(Map<String, byte[]> files) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      if (!isDigestFile(e.getKey())) {
        b.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
      }
    }
    return b.toString();
  }

  /** Hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a {@code SHA256SUMS} text: path to hex hash. A malformed line, a path named twice or a
   * path the digest must not name is a pack error at its line.
   */
  public static Map<String, String> parse(String display, byte[] text) throws PackException {
    Map<String, String> out = new TreeMap<>();
    String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty() && i == lines.length - 1) {
        break;
      }
      Matcher m = LINE.matcher(l);
      if (!m.matches()) {
        throw new PackException(
            display, i + 1, 1, "not a line of sha256sum output ('<64 hex>  <path>')");
      }
      String path = m.group(2);
      if (isDigestFile(path)) {
        throw new PackException(display, i + 1, 67, "the digest cannot list " + path);
      }
      if (out.put(path, m.group(1)) != null) {
        throw new PackException(display, i + 1, 67, path + " is listed twice");
      }
    }
    return out;
  }
}
