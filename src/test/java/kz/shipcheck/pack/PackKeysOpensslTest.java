package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Ed25519 signatures are OpenSSL's: a key OpenSSL made signs with us and verifies with OpenSSL,
 * and a signature OpenSSL made verifies with us, so a user can check a pack without shipcheck
 * (docs/rule-pack.md, "Rule pack releases"). Skipped where openssl is not installed.
 */
class PackKeysOpensslTest {
  @TempDir Path dir;

  private int openssl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "openssl hung");
    return p.exitValue();
  }

  private boolean hasOpenssl() {
    try {
      return openssl("genpkey", "-algorithm", "ed25519", "-out", "key.pem") == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void signaturesAgreeWithOpensslBothWays() throws Exception {
    Assumptions.assumeTrue(hasOpenssl(), "openssl with Ed25519 is not installed");
    assertEquals(0, openssl("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"));
    byte[] sums = ("0".repeat(64) + "  pack.yaml\n").getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("SHA256SUMS"), sums);

    byte[] ours = PackKeys.sign(PackKeys.privateKey(dir.resolve("key.pem")), sums);
    assertEquals(64, ours.length);
    Files.write(dir.resolve("SHA256SUMS.sig"), ours);
    assertEquals(
        0,
        openssl(
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-rawin",
            "-in",
            "SHA256SUMS",
            "-sigfile",
            "SHA256SUMS.sig"),
        Files.readString(dir.resolve("openssl.log")));

    assertEquals(
        0,
        openssl(
            "pkeyutl",
            "-sign",
            "-inkey",
            "key.pem",
            "-rawin",
            "-in",
            "SHA256SUMS",
            "-out",
            "openssl.sig"),
        Files.readString(dir.resolve("openssl.log")));
    byte[] theirs = Files.readAllBytes(dir.resolve("openssl.sig"));
    assertTrue(PackKeys.verify(PackKeys.publicKey(dir.resolve("pub.pem")), sums, theirs));
    assertArrayEquals(
        ours, theirs, "Ed25519 is deterministic: the same key signs the same bytes alike");

    sums[0] = '1';
    assertFalse(PackKeys.verify(PackKeys.publicKey(dir.resolve("pub.pem")), sums, theirs));
  }
}
