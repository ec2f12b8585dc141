package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar a user runs: started with {@code java -jar} from another directory, with the rule pack
 * bundled inside it, and no logging noise on the terminal.
 */
class PackagedJarIT {
  static final Path JAR = Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();

  @TempDir Path elsewhere;

  record Run(int code, String out, String err) {}

  Run java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = elsewhere.resolve("out.txt");
    Path err = elsewhere.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).directory(elsewhere.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void checksTheExamplesFromAnotherDirectory() throws Exception {
    Path shipments = Path.of("shipments").toAbsolutePath();
    Run r = java("check", shipments.toString());
    assertTrue(r.code() == 0 || r.code() == 1, "exit " + r.code() + "\n" + r.err());
    assertTrue(r.out().contains(" passed, "), r.out());
    assertEquals("", r.err(), "nothing on stderr for a text report on stdout (no SLF4J or Drools noise)");
  }

  @Test
  void usesTheBundledPack() throws Exception {
    Run r = java("rules", "--format", "text");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("ACCESS-001"), r.out());
    assertFalse(r.err().contains("SLF4J"), r.err());
  }

  @Test
  void aPackErrorIsOneLineWithoutAStackTrace() throws Exception {
    Files.createDirectories(elsewhere.resolve("pack"));
    Run r = java("check", "--rules", "pack", Path.of("shipments").toAbsolutePath().toString());
    assertEquals(3, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: pack"), r.err());
  }
}
