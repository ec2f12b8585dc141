package kz.shipcheck.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a rule pack, read once into memory: a folder given with {@code --rules}, or the pack
 * bundled in the jar (built from the repository's {@code rules/}). Names are relative with forward
 * slashes ({@code access.drl}, {@code data/products.yaml}); {@link #display} gives the name a user
 * should see in an error.
 */
public final class PackFiles {
  /** Where the bundled pack sits on the class path. */
  public static final String BUNDLED_ROOT = "shipcheck-pack";

  /** Where a pack came from: it decides what "not signed" means to a user. */
  public enum Origin {
    BUNDLED,
    FOLDER,
    ZIP
  }

  private final String displayRoot;
  private final Map<String, byte[]> files;
  private final Origin origin;

  /**
   * The pack's {@code SHA256SUMS} and {@code SHA256SUMS.sig} as found, or null; not among {@link
   * #files}.
   */
  private final byte[] sums;

  private final byte[] signature;
  private volatile String sha256;
  private volatile PackManifest manifest;

  private PackFiles(String displayRoot, Map<String, byte[]> all, Origin origin) {
    this.displayRoot = displayRoot;
    this.origin = origin;
    this.sums = all.remove(PackDigest.SUMS);
    this.signature = all.remove(PackDigest.SIGNATURE);
    this.files = all;
  }

  /**
   * A pack file (a zip that {@code shipcheck pack build} wrote). The zip is untrusted input (see
   * {@link PackArchive}), and its files must match its {@code SHA256SUMS}: a changed, added or
   * missing file is a pack error naming it.
   */
  public static PackFiles fromZip(Path zip) throws PackException {
    String root = zip.toString().replace('\\', '/');
    PackFiles p = new PackFiles(root, PackArchive.read(zip), Origin.ZIP);
    p.verifyDigest();
    return p;
  }

  /** The pack in a folder; every file below it is read. */
  public static PackFiles fromDirectory(Path dir) throws PackException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          String rel = dir.relativize(p).toString().replace('\\', '/');
          files.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new PackException(dir.toString(), 0, 0, "cannot read the rule pack: " + e.getMessage());
    }
    String root = dir.toString().replace('\\', '/');
    return new PackFiles(
        root.endsWith("/") ? root.substring(0, root.length() - 1) : root, files, Origin.FOLDER);
  }

  /** The pack bundled in the jar (or in target/classes when run from the build). */
  public static PackFiles bundled() throws PackException {
    URL marker = PackFiles.class.getClassLoader().getResource(BUNDLED_ROOT + "/data/products.yaml");
    if (marker == null) {
      throw new PackException(
          "rules", 0, 0, "the bundled rule pack is missing from the class path");
    }
    Map<String, byte[]> files = new TreeMap<>();
    try {
      if ("jar".equals(marker.getProtocol())) {
        // random access through the central directory: only the pack's entries are inflated
        Path jar =
            Path.of(PackFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          String prefix = BUNDLED_ROOT + "/";
          for (var it = zip.entries().asIterator(); it.hasNext(); ) {
            ZipEntry e = it.next();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
              try (InputStream in = zip.getInputStream(e)) {
                files.put(e.getName().substring(prefix.length()), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path dataFile = Path.of(marker.toURI());
        Path root = dataFile.getParent().getParent();
        return new PackFiles("rules", fromDirectory(root).all(), Origin.BUNDLED);
      }
    } catch (IOException | URISyntaxException e) {
      throw new PackException(
          "rules", 0, 0, "cannot read the bundled rule pack: " + e.getMessage());
    }
    return new PackFiles("rules", files, Origin.BUNDLED);
  }

  /** The files with the digest's own files, as read. */
  private Map<String, byte[]> all() {
    Map<String, byte[]> m = new TreeMap<>(files);
    if (sums != null) {
      m.put(PackDigest.SUMS, sums);
    }
    if (signature != null) {
      m.put(PackDigest.SIGNATURE, signature);
    }
    return m;
  }

  /**
   * Whether the pack carries a signature file (not whether it is valid: see {@link
   * #verifySignature}).
   */
  public boolean signed() {
    return signature != null;
  }

  public Origin origin() {
    return origin;
  }

  /** Every file of the pack (the digest's own files left out), path to bytes, sorted. */
  public Map<String, byte[]> files() {
    return java.util.Collections.unmodifiableMap(files);
  }

  /** The pack's {@code SHA256SUMS} text, computed from its files. */
  public String sums() {
    return PackDigest.sums(files);
  }

  /**
   * The pack's sha256: the SHA-256 of its {@code SHA256SUMS}. The same for a folder and the pack
   * file built from it; it names the pack in every report.
   */
  public String sha256() {
    String h = sha256;
    if (h == null) {
      h = PackDigest.sha256(sums().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha256 = h;
    }
    return h;
  }

  /** The pack's manifest ({@link PackManifest#none()} without {@code pack.yaml}), read once. */
  public PackManifest manifest() throws PackException {
    PackManifest m = manifest;
    if (m == null) {
      m = PackManifest.read(this);
      manifest = m;
    }
    return m;
  }

  /**
   * Checks the files against the {@code SHA256SUMS} the pack carries: every listed file present
   * with its hash, no file unlisted. The first difference (by path) is the error.
   */
  public void verifyDigest() throws PackException {
    if (sums == null) {
      throw new PackException(
          displayRoot,
          0,
          0,
          "carries no "
              + PackDigest.SUMS
              + ", so it is not a pack file (shipcheck pack build makes one)");
    }
    Map<String, String> listed = PackDigest.parse(display(PackDigest.SUMS), sums);
    java.util.TreeSet<String> names = new java.util.TreeSet<>(listed.keySet());
    names.addAll(files.keySet());
    for (String n : names) {
      String want = listed.get(n);
      if (want == null) {
        throw new PackException(
            displayRoot, 0, 0, "added file " + n + " (not in " + PackDigest.SUMS + ")");
      }
      byte[] b = files.get(n);
      if (b == null) {
        throw new PackException(
            displayRoot, 0, 0, "missing file " + n + " (listed in " + PackDigest.SUMS + ")");
      }
      if (!PackDigest.sha256(b).equals(want)) {
        throw new PackException(
            displayRoot,
            0,
            0,
            "changed file " + n + " (its SHA-256 is not the one in " + PackDigest.SUMS + ")");
      }
    }
  }

  /**
   * Checks that the pack is signed by this key: its {@code SHA256SUMS} (already checked against the
   * files) carries a valid {@code SHA256SUMS.sig} of the key.
   */
  public void verifySignature(java.security.PublicKey key) throws PackException {
    if (origin == Origin.BUNDLED) {
      throw new PackException(
          displayRoot,
          0,
          0,
          "the bundled pack is not signed; build and sign it with shipcheck pack build, and check with --rules FILE.zip");
    }
    if (origin == Origin.FOLDER && sums == null) {
      throw new PackException(
          displayRoot,
          0,
          0,
          "a pack folder is not signed; build and sign it with shipcheck pack build, and check with --rules FILE.zip");
    }
    verifyDigest();
    if (signature == null) {
      throw new PackException(
          displayRoot,
          0,
          0,
          "no signature ("
              + PackDigest.SIGNATURE
              + "): the pack is not signed; sign it with shipcheck pack build --sign KEY.pem");
    }
    if (!PackKeys.verify(key, sums, signature)) {
      throw new PackException(
          displayRoot,
          0,
          0,
          "the signature is not by the trusted key (signed by another key, or invalid)");
    }
  }

  /** The name to show for a file of this pack, e.g. {@code rules/access.drl}. */
  public String display(String name) {
    return displayRoot + "/" + name;
  }

  public String displayRoot() {
    return displayRoot;
  }

  public boolean has(String name) {
    return files.containsKey(name);
  }

  /** The file's bytes; a missing file is a pack error. */
  public byte[] read(String name) throws PackException {
    byte[] b = files.get(name);
    if (b == null) {
      throw new PackException(display(name), 0, 0, "required file is missing from the rule pack");
    }
    return b;
  }

  /** The DRL files at the top of the pack, sorted by name. */
  public List<String> drlFiles() {
    List<String> out = new ArrayList<>();
    for (String n : files.keySet()) {
      if (n.endsWith(".drl") && !n.contains("/")) {
        out.add(n);
      }
    }
    return out;
  }

  /** The names of the files below a folder of the pack (e.g. {@code tests/}), sorted. */
  public List<String> under(String folder) {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    List<String> out = new ArrayList<>();
    for (String n : files.keySet()) {
      if (n.startsWith(prefix)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Only the DRL sources, for compiling. */
  public Map<String, byte[]> drlSources() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String n : drlFiles()) {
      out.put(n, files.get(n));
    }
    return out;
  }
}
