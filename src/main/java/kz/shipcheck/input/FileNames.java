package kz.shipcheck.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File names whatever their bytes and the locale. On Linux a file name is bytes; Java decodes it to
 * a String with the charset of the locale ({@code sun.jnu.encoding}, which JDK 17 takes from {@code
 * LC_ALL}/{@code LC_CTYPE}/{@code LANG} and does not let {@code -Dsun.jnu.encoding} override), and
 * bytes that do not decode become U+FFFD. So under a UTF-8 locale {@code bad\xff.yaml} comes out of
 * a folder listing as {@code bad\uFFFD.yaml}, a String that names another file (its bytes are EF BF
 * BD); under {@code LANG=C} every non-ASCII name does, and cannot even be turned back into a Path.
 *
 * <p>The Path a folder listing hands out keeps the exact bytes, though, and {@link Path#toUri}
 * spells them out ({@code %FF}). So a name is used as its String only when the String gives the
 * same bytes back; otherwise the listing's own Path is read, and the name is shown decoded from its
 * bytes as UTF-8, with each byte that is not UTF-8 written {@code \xff}.
 */
final class FileNames {
  private FileNames() {}

  /** Whether {@code name}, a folder entry's name as Java decoded it, names that entry exactly. */
  static boolean exact(String name, Path entry) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        try {
          return entry.getFileSystem().getPath(name).equals(entry.getFileName());
        } catch (InvalidPathException e) {
          return false;
        }
      }
    }
    return true; // every charset a JVM runs under decodes ASCII as ASCII
  }

  /** The entry's file name from its bytes: UTF-8, a byte that is not UTF-8 as {@code \xff}. */
  static String display(Path entry) {
    String path = entry.toUri().getRawPath(); // a folder's ends with '/'
    int end = path.endsWith("/") ? path.length() - 1 : path.length();
    return decode(unescape(path.substring(path.lastIndexOf('/', end - 1) + 1, end)));
  }

  /**
   * A command-line argument: the name to report and the file it names.
   *
   * @param path the file, or null when the argument's bytes cannot be known
   */
  record Argument(String name, Path path) {}

  /**
   * The file a command-line argument names. The JVM decoded the arguments as it decodes file names:
   * an argument that does not round-trip (it holds U+FFFD, or cannot be encoded back) is looked up
   * in {@code /proc/self/cmdline}, which holds the bytes the shell passed; the one entry that
   * decodes to the same String is it.
   */
  static Argument argument(String arg) {
    Path p = null;
    try {
      p = Path.of(arg);
    } catch (InvalidPathException e) {
      // cannot be encoded in this locale's charset: only the original bytes can name it
    }
    if (p != null && arg.indexOf('\uFFFD') < 0) {
      return new Argument(arg, p);
    }
    byte[] raw = fromCommandLine(arg);
    if (raw == null) {
      // a name that really holds U+FFFD, given where the command line is not at hand (in-process)
      return new Argument(arg, p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p : null);
    }
    // a URI is the one way to give a Path its bytes whatever the locale; it must be absolute
    String prefix = raw.length > 0 && raw[0] == '/' ? "" : "/proc/self/cwd/";
    return new Argument(decode(raw), Path.of(URI.create("file://" + prefix + escape(raw))));
  }

  /** The bytes of the one command-line entry that the JVM decoded to {@code arg}, or null. */
  private static byte[] fromCommandLine(String arg) {
    byte[] cmdline;
    try {
      cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return null;
    }
    Charset jnu;
    try {
      jnu = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return null;
    }
    List<byte[]> found = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= cmdline.length; i++) {
      if (i == cmdline.length || cmdline[i] == 0) {
        byte[] entry = Arrays.copyOfRange(cmdline, from, i);
        if (new String(entry, jnu).equals(arg)
            && found.stream().noneMatch(b -> Arrays.equals(b, entry))) {
          found.add(entry);
        }
        from = i + 1;
      }
    }
    return found.size() == 1 ? found.get(0) : null; // two different byte strings alike: cannot tell
  }

  /** UTF-8, with each byte of a malformed sequence as {@code \xNN}. */
  static String decode(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult r = d.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      for (int i = 0; i < r.length(); i++) {
        out.put(String.format("\\x%02x", in.get() & 0xff));
      }
    }
    d.flush(out);
    out.flip();
    return out.toString();
  }

  /** A URI's raw path as bytes: {@code %XX} is the byte XX, everything else is ASCII. */
  private static byte[] unescape(String raw) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        b.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        b.write(c);
      }
    }
    return b.toByteArray();
  }

  /**
   * Bytes as a URI path: letters, digits, {@code -._~/} as they are, every other byte {@code %XX}.
   */
  private static String escape(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length * 3);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append(String.format("%%%02X", c));
      }
    }
    return b.toString();
  }
}
