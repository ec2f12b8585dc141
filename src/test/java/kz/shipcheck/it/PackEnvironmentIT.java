package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment variables of pack releases, on the packaged jar (a test in the build's own JVM
 * cannot set them): {@code SHIPCHECK_TRUST} refuses an unsigned pack as {@code --trust} does, and
 * {@code SHIPCHECK_MAX_DATA_AGE} turns the stale-data warning on and off (the build sets it to 0
 * for every other test).
 */
class PackEnvironmentIT {
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  record Run(int code, String out, String err) {}

  static Run jar(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd =
        new java.util.ArrayList<>(List.of(JAVA, "-jar", PackagedJarIT.JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "hang guard");
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void shipcheckTrustRefusesTheUnsignedBundledPack(@TempDir Path dir) throws Exception {
    byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    Files.writeString(
        dir.resolve("pub.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n",
        StandardCharsets.US_ASCII);
    Path declaration = Path.of("shipments/barley-road-pass.yaml").toAbsolutePath();
    Run r =
        jar(
            dir,
            Map.of("SHIPCHECK_TRUST", dir.resolve("pub.pem").toString()),
            "check",
            declaration.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(
        "error: rules: the bundled pack is not signed; build and sign it with shipcheck pack build,"
            + " and check with --rules FILE.zip\n",
        r.err());
  }

  @Test
  void shipcheckMaxDataAgeTurnsTheWarningOnAndOff(@TempDir Path dir) throws Exception {
    Path declaration = Path.of("shipments/barley-road-pass.yaml").toAbsolutePath();
    // the bundled rates are a 2025 snapshot: more than a day old on any day this test runs
    Run on = jar(dir, Map.of("SHIPCHECK_MAX_DATA_AGE", "1"), "check", declaration.toString());
    assertEquals(0, on.code(), on.err());
    assertTrue(
        on.err()
            .matches(
                "(?s).*warning: rules/data/rates\\.yaml is \\d+ days old \\(asOf 2025-01-01\\);"
                    + " check for newer data\n.*"),
        on.err());
    Run off = jar(dir, Map.of("SHIPCHECK_MAX_DATA_AGE", "0"), "check", declaration.toString());
    assertEquals("", off.err());
    Run bad = jar(dir, Map.of("SHIPCHECK_MAX_DATA_AGE", "ninety"), "check", declaration.toString());
    assertEquals(2, bad.code(), bad.err());
    assertTrue(
        bad.err()
            .startsWith("error: SHIPCHECK_MAX_DATA_AGE: must be 0 (off) or a whole number of days"),
        bad.err());
  }
}
