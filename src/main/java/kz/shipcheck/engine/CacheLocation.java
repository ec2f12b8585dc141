package kz.shipcheck.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the compiled-rule-pack cache lives ({@link PackCache}), and whether its folders and files
 * are safe to run code from: owners and modes, where the file system has them. An entry is compiled
 * code, so the folder and each file must be the user's own and writable by no one else.
 */
final class CacheLocation {
  private CacheLocation() {}

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
   * treats its keys: the folder must be the user's own and writable by no one else, and each folder
   * above it the user's or root's and writable by no one else unless sticky ({@code /tmp}). Where
   * the file system has no Unix owners and modes, only the path is checked.
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
          return refused(
              "there is no home folder (Java's user.home is '"
                  + props.apply("user.home")
                  + "' and $HOME is "
                  + (env.apply("HOME") == null ? "not set" : "'" + env.apply("HOME") + "'")
                  + "); set SHIPCHECK_CACHE_DIR to a folder of your own");
        }
        base = home.resolve(".cache");
      }
      dir = base.resolve("shipcheck");
    }
    String unsafe = unsafeFolder(dir);
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
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
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
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
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
        return "writable by its group or others (mode "
            + String.format(Locale.ROOT, "%o", mode & 07777)
            + ")";
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
      return p
          + " is owned by uid "
          + uid
          + ", not by this user (uid "
          + UID
          + ")"
          + (above ? " or root" : "");
    }
    if ((mode & 022) != 0 && !(above && sticky)) {
      return p
          + " is writable by its group or others (mode "
          + String.format(Locale.ROOT, "%o", mode & 07777)
          + "; chmod go-w "
          + p
          + ")";
    }
    return null;
  }

  /**
   * Creates the folder (and any missing folder above it) readable and writable by the user alone.
   */
  static void createPrivateFolder(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (UID < 0) {
      Files.createDirectories(dir);
    } else {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }
}
