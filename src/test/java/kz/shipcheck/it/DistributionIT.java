package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads {@code mvn package} makes, used as a person without a JDK would: unpacked anywhere,
 * run with no {@code JAVA_HOME} and a {@code java} on the PATH that must not be used.
 */
class DistributionIT {
  static final Path TARGET =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar"))
          .toAbsolutePath()
          .getParent();

  @TempDir Path dir;

  static Path one(String glob) throws Exception {
    try (Stream<Path> s = Files.list(TARGET)) {
      List<Path> found =
          s.filter(
                  p ->
                      TARGET
                          .getFileSystem()
                          .getPathMatcher("glob:" + glob)
                          .matches(p.getFileName()))
              .toList();
      assertEquals(1, found.size(), glob + " in " + TARGET + ": " + found);
      return found.get(0);
    }
  }

  record Run(int code, String out) {}

  Run run(List<String> command) throws Exception {
    // a java that fails loudly comes first on the PATH: the bundled runtime must be the one used
    Path fake = Files.createDirectories(dir.resolve("fake-bin"));
    Path java = fake.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'the system java was used' >&2\nexit 97\n");
    java.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("PATH", fake + ":/usr/bin:/bin");
    pb.environment().put("SHIPCHECK_CACHE_DIR", dir.resolve("cache").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not finish"); // a hang guard only
    return new Run(p.exitValue(), out);
  }

  @Test
  void theTarballRunsWithItsOwnRuntimeFromAnywhereAndThroughALink() throws Exception {
    Path tarball = one("shipcheck-*-linux-x64.tar.gz");
    Path home = Files.createDirectories(dir.resolve("opt"));
    Run untar = run(List.of("tar", "-C", home.toString(), "-xzf", tarball.toString()));
    assertEquals(0, untar.code(), untar.out());
    Path top;
    try (Stream<Path> s = Files.list(home)) {
      top = s.findFirst().orElseThrow();
    }
    Path launcher = top.resolve("bin/shipcheck");
    assertTrue(Files.isExecutable(top.resolve("runtime/bin/java")), "a runtime is bundled");
    assertTrue(
        Files.isRegularFile(top.resolve("lib/shipcheck.jsa")), "with its class-data archive");

    Path example = Path.of("shipments/beef-frozen-pass.yaml").toAbsolutePath();
    Run one = run(List.of(launcher.toString(), "check", example.toString()));
    assertEquals(0, one.code(), one.out());
    assertTrue(one.out().contains("1 declaration: 1 passed"), one.out());

    Run folder =
        run(
            List.of(
                launcher.toString(),
                "check",
                "--quiet",
                Path.of("shipments").toAbsolutePath().toString()));
    assertEquals(1, folder.code(), folder.out());

    Path bin = Files.createDirectories(dir.resolve("local-bin"));
    Path link = Files.createSymbolicLink(bin.resolve("shipcheck"), launcher);
    Run linked = run(List.of(link.toString(), "check", example.toString()));
    assertEquals(0, linked.code(), linked.out());

    Run completion = run(List.of(link.toString(), "completion", "bash"));
    assertEquals(0, completion.code(), completion.out());
    assertTrue(completion.out().contains("complete -F _complete_shipcheck"), completion.out());
  }

  @Test
  void theZipHoldsTheLauncherAndTheJar() throws Exception {
    Path zip = one("shipcheck-*[0-9].zip");
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream().forEach(e -> names.add(e.getName()));
    }
    assertTrue(names.stream().anyMatch(n -> n.endsWith("/bin/shipcheck")), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.endsWith("/lib/shipcheck.jar")), names.toString());
  }
}
