package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher found through links, as a user installs it ({@code ln -s .../shipcheck
 * ~/.local/bin/shipcheck}): it must find the jar beside its real file, not beside the link.
 */
class LauncherIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar"))
          .toAbsolutePath()
          .resolveSibling("shipcheck");

  record Run(int code, String out) {}

  static Run run(Path dir, Path launcher, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(launcher.toString()));
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("SHIPCHECK_CACHE_DIR", dir.resolve("cache").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish"); // a hang guard only
    return new Run(p.exitValue(), out);
  }

  @Test
  void anAbsoluteLinkFindsTheJar(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("shipcheck"), LAUNCHER);
    Path example = Path.of("shipments/beef-frozen-pass.yaml").toAbsolutePath();
    Run r = run(dir, link, "check", example.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASS"), r.out());
  }

  @Test
  void aChainOfRelativeLinksFindsTheJar(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path opt = Files.createDirectories(dir.resolve("opt/shipcheck"));
    Files.createSymbolicLink(opt.resolve("shipcheck"), LAUNCHER);
    // bin/sc -> ../opt/shipcheck/shipcheck -> the launcher
    Path link = Files.createSymbolicLink(bin.resolve("sc"), Path.of("../opt/shipcheck/shipcheck"));
    Run r = run(dir, link, "--version");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("shipcheck"), r.out());
  }
}
