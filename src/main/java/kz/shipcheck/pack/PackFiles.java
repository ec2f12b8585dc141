package kz.shipcheck.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a rule pack, read once into memory: a folder given with {@code --rules}, or the
 * pack bundled in the jar (built from the repository's {@code rules/}). Names are relative with
 * forward slashes ({@code access.drl}, {@code data/products.yaml}); {@link #display} gives the name
 * a user should see in an error.
 */
public final class PackFiles {
  /** Where the bundled pack sits on the class path. */
  public static final String BUNDLED_ROOT = "shipcheck-pack";

  private final String displayRoot;
  private final Map<String, byte[]> files;
  private volatile String hash;

  private PackFiles(String displayRoot, Map<String, byte[]> files) {
    this.displayRoot = displayRoot;
    this.files = files;
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
    return new PackFiles(root.endsWith("/") ? root.substring(0, root.length() - 1) : root, files);
  }

  /** The pack bundled in the jar (or in target/classes when run from the build). */
  public static PackFiles bundled() throws PackException {
    URL marker = PackFiles.class.getClassLoader().getResource(BUNDLED_ROOT + "/data/products.yaml");
    if (marker == null) {
      throw new PackException("rules", 0, 0, "the bundled rule pack is missing from the class path");
    }
    Map<String, byte[]> files = new TreeMap<>();
    try {
      if ("jar".equals(marker.getProtocol())) {
        // random access through the central directory: only the pack's entries are inflated
        Path jar = Path.of(PackFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
        return new PackFiles("rules", fromDirectory(root).files);
      }
    } catch (IOException | URISyntaxException e) {
      throw new PackException("rules", 0, 0, "cannot read the bundled rule pack: " + e.getMessage());
    }
    return new PackFiles("rules", files);
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

  /**
   * A hash of every file name and content: the key of the compiled-pack cache. Computed once: a
   * check may ask for it twice (the head start and the load), and the files never change.
   */
  public String hash() {
    String h = hash;
    if (h == null) {
      h = computeHash();
      hash = h;
    }
    return h;
  }

  private String computeHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Integer.toString(e.getValue().length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
