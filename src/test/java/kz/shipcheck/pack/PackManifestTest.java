package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's validation, the digest's format and its parsing: small packs in a temp folder. */
class PackManifestTest {
  @TempDir Path dir;

  private PackFiles pack(String manifest) throws IOException, PackException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/rates.yaml"), "[]\n");
    if (manifest != null) {
      Files.writeString(dir.resolve("pack.yaml"), manifest);
    }
    return PackFiles.fromDirectory(dir);
  }

  private PackException refused(String manifest) throws IOException, PackException {
    PackFiles p = pack(manifest);
    return assertThrows(PackException.class, p::manifest);
  }

  @Test
  void aCompleteManifest() throws Exception {
    PackManifest m =
        pack("name: my-pack\nversion: 1.0.0\neffective: 2026-01-02\nfiles:\n"
                + "  - {path: data/rates.yaml, asOf: 2025-12-31, source: bank}\n"
                + "changelog:\n  - date: 2026-01-02\n    version: 1.0.0\n    changes: [first]\n")
            .manifest();
    assertEquals("my-pack", m.name());
    assertEquals(LocalDate.of(2026, 1, 2), m.effective());
    assertEquals(LocalDate.of(2025, 12, 31), m.asOf("data/rates.yaml"));
    assertNull(m.asOf("pack.yaml"));
    assertEquals("first", m.changelog().get(0).changes().get(0));
  }

  @Test
  void noManifestIsUnnamedAndUnversioned() throws Exception {
    PackManifest m = pack(null).manifest();
    assertEquals("unnamed", m.name());
    assertEquals("unversioned", m.version());
    assertNull(m.effective());
  }

  @Test
  void mistakesPointAtTheirLineAndColumn() throws Exception {
    assertEquals(
        dir
            + "/pack.yaml:3:1: unknown field 'efective' (allowed: changelog, description, effective, files, name, version)",
        refused("name: p\nversion: 1\nefective: 2026-01-02\n").located());
    assertEquals(
        dir + "/pack.yaml:1:1: missing required field 'version'",
        refused("name: p\neffective: 2026-01-02\n").located());
    assertEquals(
        dir
            + "/pack.yaml:1:7: name must be lower-case letters, digits, '.' and '-', found 'My Pack'",
        refused("name: My Pack\nversion: 1\neffective: 2026-01-02\n").located());
    assertEquals(
        dir + "/pack.yaml:4:16: 'data/rats.yaml' is not a file of the pack",
        refused(
                "name: p\nversion: 1\neffective: 2026-01-02\nfiles: [{path: data/rats.yaml, asOf: 2026-01-01, source: x}]\n")
            .located());
    assertEquals(
        dir + "/pack.yaml:4:13: a changelog entry needs at least one change",
        refused(
                "name: p\nversion: 1\neffective: 2026-01-02\nchangelog: [{date: 2026-01-02, version: 1, changes: []}]\n")
            .located());
  }

  @Test
  void theDigestIsSha256sumOutputAndParsesBack() throws Exception {
    Map<String, byte[]> files =
        Map.of("b.txt", "b".getBytes(), "a/x.yaml", "x".getBytes(), "SHA256SUMS", "old".getBytes());
    String sums = PackDigest.sums(files);
    assertEquals(
        PackDigest.sha256("x".getBytes())
            + "  a/x.yaml\n"
            + PackDigest.sha256("b".getBytes())
            + "  b.txt\n",
        sums);
    assertEquals(
        PackDigest.sha256("b".getBytes()), PackDigest.parse("S", sums.getBytes()).get("b.txt"));
    assertEquals(
        "S:2:1: not a line of sha256sum output ('<64 hex>  <path>')",
        assertThrows(
                PackException.class,
                () ->
                    PackDigest.parse("S", (sums.lines().findFirst().get() + "\noops\n").getBytes()))
            .located());
    // one space (text mode of some tools) is not sha256sum's binary-safe format, and is refused
    assertThrows(
        PackException.class,
        () -> PackDigest.parse("S", sums.replace("  b.txt", " b.txt").getBytes()));
  }
}
