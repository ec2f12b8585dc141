package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file. Run with {@code -Dgolden.update=true} to rewrite the golden
 * files after a deliberate change, then review the diff.
 */
public final class Golden {
  private Golden() {}

  public static void assertMatches(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      throw new AssertionError(
          golden + " does not exist; run the tests with -Dgolden.update=true to create it");
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8),
        actual,
        "output differs from "
            + golden
            + " (if the change is deliberate: mvn test -Dgolden.update=true)");
  }
}
