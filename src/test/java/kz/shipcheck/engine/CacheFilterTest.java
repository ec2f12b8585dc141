package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cache's bounds reach a stream that the reading code opens itself, as Drools does inside a
 * package: run in a JVM of its own, since the JDK takes a filter factory only before the first
 * ObjectInputStream, and this test JVM has made many.
 */
class CacheFilterTest {
  /** Run by the test in a fresh JVM; prints one line per case. */
  public static void main(String[] args) throws Exception {
    System.out.println("installed " + CacheFilter.install());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(URI.create("https://example.org/")); // java.net: outside the bounds
    }
    ObjectInputFilter filter = ObjectInputFilter.Config.createFilter("java.lang.*;!*");
    System.out.println(
        "nested stream while reading an entry: "
            + CacheFilter.readingWith(filter, byFactory -> read(bytes.toByteArray())));
    System.out.println("any other stream: " + read(bytes.toByteArray()));
  }

  /** Opens a stream of its own, as Drools' JavaDialectRuntimeData does, and reads from it. */
  private static String read(byte[] b) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return "read " + in.readObject();
    } catch (InvalidClassException e) {
      return "refused (" + e.getMessage() + ")";
    }
  }

  @Test
  void theBoundsReachEveryStreamTheReadingThreadOpensAndNoOther() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CacheFilterTest.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a hang guard only");
    assertEquals(0, p.exitValue(), out);
    assertEquals(
        List.of(
            "installed true",
            "nested stream while reading an entry: refused (filter status: REJECTED)",
            "any other stream: read https://example.org/"),
        out.lines().toList());
  }
}
