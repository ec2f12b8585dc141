package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kz.shipcheck.pack.PackArchive;
import kz.shipcheck.testing.PackCopy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pack files through the command line: build, verify, tampering, signatures and trust, and checking
 * with a pack file. One signed pack is built once for the class (building compiles the pack and
 * runs its fixtures); each test tampers with its own copy.
 */
class PackReleaseTest {
  static final String SHIPMENTS = "shipments";

  @TempDir static Path dir;
  static Path zip;
  static Path key;
  static Path pub;
  static Path otherPub;

  @BeforeAll
  static void buildASignedPack() throws Exception {
    key = dir.resolve("key.pem");
    pub = dir.resolve("pub.pem");
    writeKeys(key, pub);
    otherPub = dir.resolve("other-pub.pem");
    writeKeys(dir.resolve("other-key.pem"), otherPub);
    zip = dir.resolve("pack.zip");
    Cli.Run r =
        Cli.run("pack", "build", "rules", "--output", zip.toString(), "--sign", key.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().startsWith("built " + zip + ": shipcheck-kz-cn 2026.12.0 (effective 2026-12-02), "),
        r.out());
    assertTrue(r.out().contains(" fixtures matched, signed with " + key), r.out());
  }

  /** An Ed25519 key pair as PEM files, in the encodings OpenSSL writes (PKCS#8, X.509). */
  static void writeKeys(Path privatePem, Path publicPem) throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(privatePem, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    Files.writeString(publicPem, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  static Map<String, byte[]> entries(Path zipFile) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zipFile)))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  static Path write(String name, Map<String, byte[]> entries) throws IOException {
    Path p = dir.resolve(name);
    try (var out = Files.newOutputStream(p)) {
      PackArchive.write(out, entries, LocalDateTime.of(2026, 12, 2, 0, 0));
    }
    return p;
  }

  @Test
  void aBuiltPackVerifiesWithAndWithoutTheKey() {
    Cli.Run r = Cli.run("pack", "verify", zip.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("OK " + zip + ": shipcheck-kz-cn 2026.12.0, "), r.out());
    Cli.Run trusted = Cli.run("pack", "verify", zip.toString(), "--trust", pub.toString());
    assertEquals(0, trusted.code(), trusted.err());
    assertTrue(trusted.out().contains(", signed by " + pub + ", sha256 "), trusted.out());
  }

  @Test
  void theSamePackGivesTheSameZipBytes() throws Exception {
    Path again = dir.resolve("again.zip");
    Cli.Run r =
        Cli.run("pack", "build", "rules", "--output", again.toString(), "--sign", key.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again));
  }

  @Test
  void theZipsSha256IsTheFoldersAndItsDigestIsSha256sumFormat() throws Exception {
    Cli.Run folder = Cli.run("pack", "info", "rules", "--format", "json");
    Cli.Run file = Cli.run("pack", "info", zip.toString(), "--format", "json");
    assertEquals(0, folder.code(), folder.err());
    String sha =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(folder.out())
            .get("sha256")
            .asText();
    assertEquals(
        sha,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(file.out())
            .get("sha256")
            .asText());
    String sums = new String(entries(zip).get("SHA256SUMS"), StandardCharsets.UTF_8);
    assertTrue(sums.matches("(?s)([0-9a-f]{64}  [^\\n]+\\n)+"), sums);
    assertTrue(sums.contains("  data/products.yaml\n") && sums.contains("  pack.yaml\n"), sums);
    assertEquals(sha, kz.shipcheck.pack.PackDigest.sha256(sums.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aChangedByteInADataFileIsExitThreeNamingIt() throws Exception {
    Map<String, byte[]> e = entries(zip);
    byte[] products = e.get("data/products.yaml");
    products[products.length / 2] ^= 1;
    Path bad = write("changed.zip", e);
    Cli.Run r = Cli.run("pack", "verify", bad.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(
        "error: "
            + bad
            + ": changed file data/products.yaml (its SHA-256 is not the one in SHA256SUMS)\n",
        r.err());
    Cli.Run check = Cli.run("check", "--rules", bad.toString(), SHIPMENTS);
    assertEquals(3, check.code(), check.err());
    assertTrue(check.err().contains("changed file data/products.yaml"), check.err());
  }

  @Test
  void anAddedOrMissingFileIsExitThreeNamingIt() throws Exception {
    Map<String, byte[]> added = entries(zip);
    added.put("data/extra.yaml", "- {key: x}\n".getBytes(StandardCharsets.UTF_8));
    Cli.Run r = Cli.run("pack", "verify", write("added.zip", added).toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().endsWith(": added file data/extra.yaml (not in SHA256SUMS)\n"), r.err());

    Map<String, byte[]> missing = entries(zip);
    missing.remove("data/rates.yaml");
    Cli.Run m = Cli.run("pack", "verify", write("missing.zip", missing).toString());
    assertEquals(3, m.code(), m.err());
    assertTrue(
        m.err().endsWith(": missing file data/rates.yaml (listed in SHA256SUMS)\n"), m.err());
  }

  @Test
  void aWrongKeyOrNoSignatureIsRefusedUnderTrust() throws Exception {
    Cli.Run other = Cli.run("pack", "verify", zip.toString(), "--trust", otherPub.toString());
    assertEquals(3, other.code(), other.err());
    assertTrue(other.err().contains("the signature is not by the trusted key"), other.err());

    Map<String, byte[]> e = entries(zip);
    e.remove("SHA256SUMS.sig");
    Path unsigned = write("unsigned.zip", e);
    assertEquals(0, Cli.run("pack", "verify", unsigned.toString()).code());
    Cli.Run r = Cli.run("pack", "verify", unsigned.toString(), "--trust", pub.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("no signature (SHA256SUMS.sig)"), r.err());
    Cli.Run check =
        Cli.run("check", "--rules", unsigned.toString(), "--trust", pub.toString(), SHIPMENTS);
    assertEquals(3, check.code(), check.err());

    // a signature over another SHA256SUMS (the files' hashes re-listed after a change) fails too
    Map<String, byte[]> forged = entries(zip);
    forged.put("data/rates.yaml", "[]\n".getBytes(StandardCharsets.UTF_8));
    forged.put(
        "SHA256SUMS", kz.shipcheck.pack.PackDigest.sums(forged).getBytes(StandardCharsets.UTF_8));
    Cli.Run f =
        Cli.run(
            "pack", "verify", write("forged.zip", forged).toString(), "--trust", pub.toString());
    assertEquals(3, f.code(), f.err());
    assertTrue(f.err().contains("the signature is not by the trusted key"), f.err());
  }

  @Test
  void theBundledPackAndFoldersAreRefusedUnderTrust() {
    Cli.Run bundled = Cli.run("check", "--trust", pub.toString(), SHIPMENTS);
    assertEquals(3, bundled.code(), bundled.err());
    assertTrue(
        bundled
            .err()
            .contains(
                "the bundled pack is not signed; build and sign it with shipcheck pack build"),
        bundled.err());
    Cli.Run folder = Cli.run("check", "--rules", "rules", "--trust", pub.toString(), SHIPMENTS);
    assertEquals(3, folder.code(), folder.err());
    assertTrue(folder.err().contains("a pack folder is not signed"), folder.err());
  }

  @Test
  void checkingWithThePackFileGivesTheFoldersResults() {
    Cli.Run folder = Cli.run("check", "--format", "json", "--quiet", "--rules", "rules", SHIPMENTS);
    Cli.Run file =
        Cli.run(
            "check",
            "--format",
            "json",
            "--quiet",
            "--rules",
            zip.toString(),
            "--trust",
            pub.toString(),
            SHIPMENTS);
    assertEquals(1, folder.code(), folder.err());
    assertEquals(folder.code(), file.code(), file.err());
    assertEquals(folder.out(), file.out());
    assertTrue(file.out().contains("\"name\" : \"shipcheck-kz-cn\""), file.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil.drl",
        "/etc/evil.drl",
        "data\\evil.yaml",
        "data/../../evil.yaml",
        "C:/evil.drl",
        "data//evil.yaml",
        "./evil.drl"
      })
  void entriesOutsideThePackAreRefused(String name) throws Exception {
    Path p = dir.resolve("slip.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
      out.putNextEntry(new ZipEntry(name));
      out.write("x".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Cli.Run r = Cli.run("pack", "verify", p.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("a pack's paths stay inside the pack"), r.err());
  }

  @Test
  void duplicateNamesAndSymbolicLinksAreRefused() throws Exception {
    byte[] two = rawZip(Map.of("x1", "a", "x2", "b"));
    Path dup = dir.resolve("dup.zip");
    Files.write(dup, replace(two, "x2", "x1"));
    Cli.Run r = Cli.run("pack", "verify", dup.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("entry 'x1' occurs twice"), r.err());

    byte[] link = rawZip(Map.of("pack.yaml", "/etc/passwd"));
    int cd = indexOf(link, new byte[] {0x50, 0x4b, 0x01, 0x02});
    link[cd + 5] = 3; // made by Unix
    int mode = 0120777; // a symbolic link
    link[cd + 40] = (byte) mode;
    link[cd + 41] = (byte) (mode >> 8);
    Path sym = dir.resolve("symlink.zip");
    Files.write(sym, link);
    Cli.Run s = Cli.run("pack", "verify", sym.toString());
    assertEquals(3, s.code(), s.err());
    assertTrue(s.err().contains("entry 'pack.yaml' is a symbolic link"), s.err());
  }

  @Test
  void aFileThatInflatesBeyondTheLimitIsRefusedWhileReading() throws Exception {
    Path big = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
      out.setLevel(9);
      out.putNextEntry(new ZipEntry("data/big.yaml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 65; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertTrue(Files.size(big) < 1 << 20, "the test zip is small");
    Cli.Run r = Cli.run("pack", "verify", big.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("entry 'data/big.yaml' inflates to more than 64 MiB"), r.err());
  }

  @Test
  void aZipWithoutSha256sumsIsNotAPackFile() throws Exception {
    Path p = dir.resolve("plain.zip");
    Files.write(p, rawZip(Map.of("pack.yaml", "name: x\n")));
    Cli.Run r = Cli.run("check", "--rules", p.toString(), SHIPMENTS);
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("carries no SHA256SUMS, so it is not a pack file"), r.err());
  }

  @Test
  void aPackWhoseFixturesFailIsNotBuilt(@TempDir Path tmp) throws Exception {
    Path copy = PackCopy.of(tmp.resolve("pack"), true);
    Path fixture = copy.resolve("tests/access/pass-wheat.yaml");
    Files.writeString(
        fixture,
        Files.readString(fixture).replace("- product: wheat\n", "- product: wheat-typo\n"));
    Path out = tmp.resolve("out.zip");
    Cli.Run r = Cli.run("pack", "build", copy.toString(), "--output", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("FAIL  " + copy.resolve("tests/access/pass-wheat.yaml")), r.err());
    assertTrue(r.err().contains("fixture(s) did not match; the pack is not built"), r.err());
    assertTrue(!Files.exists(out));
  }

  @Test
  void aPackFileNeedsAManifestAndAnOutputOutsideThePack(@TempDir Path tmp) {
    Cli.Run noManifest =
        Cli.run(
            "pack",
            "build",
            TestCommandTest.EXAMPLE_PACK,
            "--output",
            tmp.resolve("x.zip").toString());
    assertEquals(3, noManifest.code(), noManifest.err());
    assertTrue(
        noManifest.err().contains("pack.yaml: a pack file needs a manifest"), noManifest.err());
    Cli.Run inside = Cli.run("pack", "build", "rules", "--output", "rules/x.zip");
    assertEquals(2, inside.code(), inside.err());
    assertTrue(inside.err().contains("is inside the pack folder"), inside.err());
    assertEquals(2, Cli.run("pack", "verify", tmp.resolve("none.zip").toString()).code());
    assertEquals(
        2,
        Cli.run("pack", "verify", zip.toString(), "--trust", tmp.resolve("none.pem").toString())
            .code());
  }

  @Test
  void aKeyThatIsNotEd25519PemIsRefused(@TempDir Path tmp) throws Exception {
    Path notPem = tmp.resolve("pub.pem");
    Files.writeString(notPem, "hello\n");
    Cli.Run r = Cli.run("pack", "verify", zip.toString(), "--trust", notPem.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("not a PEM file holding '-----BEGIN PUBLIC KEY-----'"), r.err());
    Cli.Run priv = Cli.run("pack", "verify", zip.toString(), "--trust", key.toString());
    assertEquals(3, priv.code(), priv.err());
  }

  static byte[] rawZip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(b)) {
      for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return b.toByteArray();
  }

  static byte[] replace(byte[] data, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.UTF_8);
    byte[] t = to.getBytes(StandardCharsets.UTF_8);
    byte[] out = data.clone();
    for (int i = 0; i + f.length <= out.length; i++) {
      if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, out, i, t.length);
      }
    }
    return out;
  }

  static int indexOf(byte[] data, byte[] what) {
    for (int i = 0; i + what.length <= data.length; i++) {
      if (java.util.Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
