package kz.shipcheck.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import kz.shipcheck.pack.PackFiles;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A cache of compiled rule packs on disk, so that a second run with the same pack does not compile
 * DRL again (compiling is most of the start-up cost). The compiled packages are written with
 * Drools' own serialization, keyed by a hash of every file in the pack plus the Drools, shipcheck and
 * Java versions. Entries are written to a temporary file and moved into place, so two runs
 * starting at once at worst both compile, and never read half a file.
 *
 * <p>An entry is compiled code, and whatever reads it decides every verdict: an empty list in its
 * place once made every declaration pass. So an entry is used only when nothing about it is in
 * doubt, and otherwise discarded and rebuilt from the DRL:
 *
 * <ul>
 *   <li>its file is a regular file of the user's own that nobody else can write, in a folder of
 *       the same kind ({@link #standard()} refuses any other folder);
 *   <li>its header names the key it was written for and the rules it holds, and both are this
 *       pack's: the rules as the DRL declares them ({@link DrlRules}), never as the entry says;
 *   <li>its payload has the length and SHA-256 the header gives (a truncated entry is not read);
 *   <li>reading is bounded in depth, references, array length and bytes, limited to the classes of
 *       the JDK's lang, util, time and math packages, Drools, MVEL and shipcheck, and given {@link
 *       #LOAD_TIMEOUT} on a thread of its own (a "billion laughs" of nested sets never ends);
 *   <li>the packages read hold exactly the rules the DRL declares, each with its {@code @id}.
 * </ul>
 *
 * <p>A full allow-list of classes is not kept: which Drools classes a pack's packages hold depends
 * on its DRL (its constraints, accumulates, functions, declared types, imports), so an exact list
 * would refuse some honest packs; the bounds, the time limit and the check of the rules read carry
 * the rest. Every entry is read back through all of the above before it is put in place, so a pack
 * whose entry would be refused is simply not cached, and a discarded entry means someone changed it.
 */
final class PackCache {
  /** Part of the key: a new entry layout gets new file names, and old entries are never read. */
  private static final String FORMAT = "2";
  private static final byte[] MAGIC = "shipcheck compiled rule pack\n".getBytes(StandardCharsets.US_ASCII);
  /** Far above a real entry (the bundled pack's is 0.4 MB; five times its rules, 2 MB). */
  static final long MAX_ENTRY_BYTES = 64L << 20;
  private static final int MAX_RULES = 1_000_000;
  /**
   * How long reading an entry may take before it is abandoned and the pack compiled instead:
   * reading the bundled pack's takes a fraction of a second, so this only stops a read that
   * would never end. The abandoned thread cannot be stopped (deserialization does not look at
   * interrupts); it is a daemon and ends with the run.
   */
  static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The bounds are several times what the bundled pack needs (depth 20, 11,000 references,
   * arrays of 52,000); the classes are whole packages, see the class comment.
   */
  private static final String FILTER_PATTERN = "maxdepth=64;maxrefs=1000000;maxarray=4000000;"
      + "java.lang.*;java.util.*;java.util.concurrent.*;java.util.concurrent.atomic.*;java.util.concurrent.locks.*;"
      + "java.time.*;java.math.*;org.drools.**;org.kie.**;org.mvel2.**;kz.shipcheck.**;!*";

  private final Path dir;
  private final Duration timeout;

  private PackCache(Path dir, Duration timeout) {
    this.dir = dir;
    this.timeout = timeout;
  }

  static PackCache at(Path dir) {
    return new PackCache(dir, LOAD_TIMEOUT);
  }

  /** A cache that gives up reading after {@code timeout}: for the test of an entry that never ends. */
  static PackCache at(Path dir, Duration timeout) {
    return new PackCache(dir, timeout);
  }

  /**
   * Where the cache lives, or why there is none.
   *
   * @param dir the cache folder, or null when the cache is refused
   * @param refusal one line saying why the cache is not used, or null
   */
  record Location(Path dir, String refusal) {}

  /**
   * The user's cache folder: {@code $SHIPCHECK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/shipcheck},
   * else {@code ~/.cache/shipcheck}; see {@link #locate}.
   */
  static Location standard() {
    return locate(System::getenv, System::getProperty);
  }

  /**
   * The cache folder the environment and system properties name, refused (no cache, one line why)
   * when it is not safe to run code from: a relative path (it would be inside whatever folder the
   * run starts in, such as the repository being checked: with no passwd entry, {@code docker run
   * --user 12345}, Java's home is {@code ?} and the cache was {@code ./?/.cache/shipcheck}); no
   * home at all; a folder, or a folder above it, that someone else could write or replace. As ssh
   * treats its keys: the folder must be the user's own and writable by no one else, and each
   * folder above it the user's or root's and writable by no one else unless sticky ({@code
   * /tmp}). Where the file system has no Unix owners and modes, only the path is checked.
   *
   * @param env the environment ({@code SHIPCHECK_CACHE_DIR}, {@code XDG_CACHE_HOME}, {@code HOME})
   * @param props system properties ({@code shipcheck.cache.dir}, {@code user.home})
   */
  static Location locate(Function<String, String> env, Function<String, String> props) {
    Path dir;
    String explicit = env.apply("SHIPCHECK_CACHE_DIR");
    String from = "$SHIPCHECK_CACHE_DIR";
    if (explicit == null) {
      explicit = props.apply("shipcheck.cache.dir");
      from = "-Dshipcheck.cache.dir";
    }
    if (explicit != null && !explicit.isBlank()) {
      dir = absolute(explicit);
      if (dir == null) {
        return refused(from + " is not an absolute path ('" + explicit + "')");
      }
    } else {
      String xdg = env.apply("XDG_CACHE_HOME");
      Path base;
      if (xdg != null && !xdg.isBlank()) {
        base = absolute(xdg);
        if (base == null) {
          return refused("$XDG_CACHE_HOME is not an absolute path ('" + xdg + "')");
        }
      } else {
        Path home = absolute(props.apply("user.home"));
        if (home == null) {
          home = absolute(env.apply("HOME"));
        }
        if (home == null) {
          return refused("there is no home folder (Java's user.home is '" + props.apply("user.home")
              + "' and $HOME is " + (env.apply("HOME") == null ? "not set" : "'" + env.apply("HOME") + "'")
              + "); set SHIPCHECK_CACHE_DIR to a folder of your own");
        }
        base = home.resolve(".cache");
      }
      dir = base.resolve("shipcheck");
    }
    String unsafe = Ownership.unsafeFolder(dir);
    return unsafe != null ? refused(unsafe) : new Location(dir, null);
  }

  private static Location refused(String why) {
    return new Location(null, "not using the compiled-rule-pack cache: " + why);
  }

  /** The path, when it is absolute and not Java's "no home" ({@code ?}); otherwise null. */
  private static Path absolute(String p) {
    if (p == null || p.isBlank() || p.equals("?")) {
      return null;
    }
    try {
      Path path = Path.of(p);
      return path.isAbsolute() ? path.normalize() : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /**
   * The cache key of a pack under this build of shipcheck: a hash of every file in the pack (DRL,
   * data, fixtures; {@link PackFiles#hash()}) and of the versions that decide whether a serialized
   * KieBase can be read back. Data files are not compiled, but keying on them too costs a
   * millisecond and leaves no doubt about which pack an entry belongs to.
   */
  static String key(PackFiles files, String toolVersion) {
    return key(files.hash(), toolVersion);
  }

  static String key(String packHash, String toolVersion) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(FORMAT, toolVersion, droolsVersion(), System.getProperty("java.version"), packHash)) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String droolsVersion() {
    Package p = KieBase.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "drools" : v;
  }

  Path file(String key) {
    return dir.resolve("pack-" + key + ".bin");
  }

  /**
   * What reading an entry gave.
   *
   * @param kieBase the compiled rules, or null
   * @param doubt when an entry was there but was discarded, one line saying which and why; null
   *     when it was used or there was none
   */
  record Loaded(KieBase kieBase, String doubt) {}

  /** Why an entry is not used. */
  private static final class Doubt extends Exception {
    private static final long serialVersionUID = 1L;

    Doubt(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The cached KieBase for this key, when an entry is there and holds exactly the rules the DRL
   * declares ({@link DrlRules#of}); an entry in any doubt is deleted and reported in {@link
   * Loaded#doubt()}.
   */
  Loaded load(String key, List<String> declaredRules) {
    Path f = file(key);
    if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
      return new Loaded(null, null);
    }
    try {
      return new Loaded(read(f, key, declaredRules), null);
    } catch (Doubt d) {
      if (Thread.currentThread().isInterrupted()) {
        // the run no longer wants the rules (a data error came first): the entry is not in doubt
        return new Loaded(null, null);
      }
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // another run may have replaced it; compiling is always safe
      }
      return new Loaded(null, "discarded the compiled-rule-pack cache entry " + f + " (" + d.getMessage()
          + ") and compiled the rules again");
    }
  }

  private KieBase read(Path f, String key, List<String> declaredRules) throws Doubt {
    String unsafe = Ownership.unsafeFile(f);
    if (unsafe != null) {
      throw new Doubt(unsafe);
    }
    byte[] bytes;
    try {
      if (Files.size(f) > MAX_ENTRY_BYTES) {
        throw new Doubt("larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
      }
      bytes = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new Doubt("cannot be read: " + e.getMessage());
    }
    if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new Doubt("not a shipcheck cache entry");
    }
    byte[] payload;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length))) {
      if (!in.readUTF().equals(key)) {
        throw new Doubt("written for another pack or version");
      }
      int n = in.readInt();
      if (n < 0 || n > MAX_RULES) {
        throw new Doubt("not a shipcheck cache entry");
      }
      List<String> listed = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        listed.add(in.readUTF());
      }
      if (!listed.equals(declaredRules)) {
        throw new Doubt("it lists other rules than the DRL declares: " + n + " rules, the DRL " + declaredRules.size());
      }
      long length = in.readLong();
      byte[] sha = in.readNBytes(32);
      if (length != in.available()) {
        throw new Doubt("truncated or altered: " + in.available() + " bytes of compiled rules, not " + length);
      }
      payload = in.readAllBytes();
      if (!Arrays.equals(sha, sha256(payload))) {
        throw new Doubt("truncated or altered: the compiled rules do not have the SHA-256 written with them");
      }
    } catch (IOException e) {
      throw new Doubt("truncated or altered");
    }
    return deserializeWithin(payload, declaredRules);
  }

  /** Reads the compiled packages on a thread of their own, giving up after the timeout. */
  private KieBase deserializeWithin(byte[] payload, List<String> declaredRules) throws Doubt {
    FutureTask<KieBase> task = new FutureTask<>(() -> deserialize(payload, declaredRules));
    Thread reader = new Thread(task, "shipcheck-cache-read");
    reader.setDaemon(true);
    reader.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reader.interrupt();
      throw new Doubt("reading it took longer than " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      reader.interrupt();
      Thread.currentThread().interrupt();
      throw new Doubt("interrupted while reading it");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Doubt d) {
        throw d;
      }
      if (cause instanceof OutOfMemoryError) {
        // only this thread's allocations failed; the objects it read are garbage now
        throw new Doubt("reading it ran out of memory");
      }
      if (cause instanceof InvalidClassException ice && ice.getMessage() != null
          && ice.getMessage().contains("filter status")) {
        throw new Doubt("refused while reading it: a class or size outside the bounds (" + ice.getMessage() + ")");
      }
      throw new Doubt("unreadable: " + cause);
    }
  }

  private static KieBase deserialize(byte[] payload, List<String> declaredRules) throws Exception {
    ObjectInputFilter filter = ObjectInputFilter.Config.createFilter("maxbytes=" + payload.length + ";" + FILTER_PATTERN);
    Object o;
    try (DroolsObjectInputStream ois =
        new DroolsObjectInputStream(new ByteArrayInputStream(payload), PackCache.class.getClassLoader())) {
      ois.setObjectInputFilter(filter);
      o = ois.readObject();
    }
    if (!(o instanceof Collection<?> c)) {
      throw new Doubt("it holds no rule packages");
    }
    List<KiePackage> packages = new ArrayList<>();
    for (Object x : c) {
      if (!(x instanceof KiePackage kp)) {
        throw new Doubt("it holds something other than rule packages");
      }
      packages.add(kp);
    }
    List<String> found = rulesOf(packages);
    if (!found.equals(declaredRules)) {
      throw new Doubt("it holds other rules than the DRL declares: " + found.size() + " rules, the DRL "
          + declaredRules.size());
    }
    InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
    kb.addPackages(packages);
    return kb;
  }

  /** The rules of these packages as {@link DrlRules#signature} writes them, sorted. */
  static List<String> rulesOf(Collection<KiePackage> packages) {
    List<String> out = new ArrayList<>();
    for (KiePackage p : packages) {
      for (Rule r : p.getRules()) {
        Map<String, Object> meta = r.getMetaData();
        Object id = meta == null ? null : meta.get("id");
        out.add(DrlRules.signature(r.getPackageName(), r.getName(), id == null ? null : id.toString()));
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Stores a compiled KieBase whose rules are the ones the DRL declares; failures are ignored (the
   * cache is an optimisation only). The entry is read back through every check of {@link #load}
   * before it is moved into place: a pack whose entry would be refused is not cached at all.
   */
  void store(String key, KieBase kieBase, List<String> declaredRules) {
    Path tmp = null;
    try {
      List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
      if (!rulesOf(packages).equals(declaredRules)) {
        return; // the DRL says something the reading of rules here does not follow: compile each time
      }
      ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
      try (DroolsObjectOutputStream oos = new DroolsObjectOutputStream(payload)) {
        oos.writeObject(packages);
      }
      byte[] body = payload.toByteArray();
      Ownership.createPrivateFolder(dir);
      tmp = Files.createTempFile(dir, "pack-", ".tmp"); // readable and writable by the user alone
      try (OutputStream out = Files.newOutputStream(tmp);
          DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
        data.write(MAGIC);
        data.writeUTF(key);
        data.writeInt(declaredRules.size());
        for (String r : declaredRules) {
          data.writeUTF(r);
        }
        data.writeLong(body.length);
        data.write(sha256(body));
        data.write(body);
      }
      try {
        read(tmp, key, declaredRules);
      } catch (Doubt d) {
        return;
      }
      try {
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // read-only home, full disk, a class that does not serialise: run without the cache
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Owners and modes of the cache's folders and files, where the file system has them. */
  static final class Ownership {
    private Ownership() {}

    /** The user this process runs as, or -1 where it cannot be told (no Unix file attributes). */
    private static final int UID = currentUid();

    private static int currentUid() {
      try {
        Path self = Path.of("/proc/self"); // owned by the process's user (Linux)
        if (Files.isDirectory(self)) {
          return (Integer) Files.getAttribute(self, "unix:uid");
        }
        Path probe = Files.createTempFile("shipcheck-uid-", ".tmp");
        try {
          return (Integer) Files.getAttribute(probe, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } finally {
          Files.deleteIfExists(probe);
        }
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
        return -1;
      }
    }

    /**
     * Why the folder (existing or not) cannot hold the cache, or null: the folder, when it exists,
     * must be a folder of the user's writable by no one else; each existing folder above it the
     * user's or root's and writable by no one else unless sticky. Checked along the path as written
     * and along its real path, so a symbolic link leads nowhere unchecked.
     */
    static String unsafeFolder(Path dir) {
      if (UID < 0) {
        return null;
      }
      try {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
          existing = existing.getParent();
        }
        if (existing == null) {
          return null;
        }
        if (existing.equals(dir)) {
          if (!Files.isDirectory(dir)) {
            return dir + " is not a folder";
          }
          String why = unsafe(dir, false);
          if (why != null) {
            return why;
          }
        }
        for (Path p : List.of(existing, existing.toRealPath())) {
          for (Path a = p.equals(dir) ? p.getParent() : p; a != null; a = a.getParent()) {
            String why = unsafe(a, true);
            if (why != null) {
              return why;
            }
          }
        }
        return null;
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
        return "cannot check who owns " + dir + ": " + e.getMessage();
      }
    }

    /** Why this entry file is not to be read, or null. */
    static String unsafeFile(Path f) {
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        return "not a regular file";
      }
      if (UID < 0) {
        return null;
      }
      try {
        int uid = (Integer) Files.getAttribute(f, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(f, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (uid != UID) {
          return "owned by uid " + uid + ", not by this user (uid " + UID + ")";
        }
        if ((mode & 022) != 0) {
          return "writable by its group or others (mode " + String.format(Locale.ROOT, "%o", mode & 07777) + ")";
        }
        return null;
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return "cannot check who owns it: " + e.getMessage();
      }
    }

    private static String unsafe(Path p, boolean above) throws IOException {
      int uid = (Integer) Files.getAttribute(p, "unix:uid");
      int mode = (Integer) Files.getAttribute(p, "unix:mode");
      boolean sticky = (mode & 01000) != 0;
      if (uid != UID && !(above && uid == 0)) {
        return p + " is owned by uid " + uid + ", not by this user (uid " + UID + ")" + (above ? " or root" : "");
      }
      if ((mode & 022) != 0 && !(above && sticky)) {
        return p + " is writable by its group or others (mode " + String.format(Locale.ROOT, "%o", mode & 07777)
            + "; chmod go-w " + p + ")";
      }
      return null;
    }

    /** Creates the folder (and any missing folder above it) readable and writable by the user alone. */
    static void createPrivateFolder(Path dir) throws IOException {
      if (Files.isDirectory(dir)) {
        return;
      }
      if (UID < 0) {
        Files.createDirectories(dir);
      } else {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
    }
  }
}
