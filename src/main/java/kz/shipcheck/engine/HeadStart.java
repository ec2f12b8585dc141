package kz.shipcheck.engine;

import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;

/**
 * Reads the bundled rule pack and its compiled rules from the cache on a second thread while the
 * main thread is still parsing the command line and looking at the inputs: on two cores the two
 * overlap, which takes about a fifth off a one-file check. It is a guess: started only by {@code
 * main} for a {@code check} that names no other pack and keeps the cache, and used only when the
 * pack and cache entry it read are the ones {@link RulePack#load} then asks for; anything else,
 * a failure included, is ignored and the pack is loaded as usual.
 */
public final class HeadStart {
  /** What the head start read: the bundled pack's cache key and what reading its entry gave. */
  record Loaded(Path cacheDir, String key, PackCache.Loaded loaded) {}

  private static volatile FutureTask<PackFiles> files;
  private static volatile FutureTask<Loaded> task;
  private static volatile FutureTask<ReferenceData> data;

  private HeadStart() {}

  /**
   * Starts reading the bundled pack (and its cache entry in {@code cacheDir}, unless that is null)
   * in the background, and its reference data too when {@code withData} (no {@code --register}
   * replaces the pack's register).
   */
  public static void bundledPack(Path cacheDir, String toolVersion, boolean withData) {
    // the files are handed over as soon as they are read, the KieBase when it is deserialized
    FutureTask<PackFiles> f = new FutureTask<>(PackFiles::bundled);
    FutureTask<Loaded> t = new FutureTask<>(() -> {
      PackFiles pack = f.get();
      String key = PackCache.key(pack, toolVersion);
      if (cacheDir == null) {
        return new Loaded(null, key, new PackCache.Loaded(null, null)); // the cache is refused
      }
      // checked against the DRL as RulePack.load checks it: the same entry, read earlier
      return new Loaded(cacheDir, key, PackCache.at(cacheDir).load(key, DrlRules.of(pack.drlSources())));
    });
    // The data (YAML, about a third of a one-file check's start-up) does not depend on the
    // compiled rules: it is parsed on this thread while the cache entry is read on another, and
    // both while the main thread is still building the command line.
    FutureTask<ReferenceData> d = withData ? new FutureTask<>(() -> ReferenceData.load(f.get(), null, null)) : null;
    files = f;
    task = t;
    data = d;
    Thread thread = new Thread(() -> {
      f.run();
      Thread rules = new Thread(t, "shipcheck-head-start-rules");
      rules.setDaemon(true);
      rules.start();
      if (d != null) {
        d.run();
      }
    }, "shipcheck-head-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The reference data of these files, read ahead with no register override, or null when there
   * was no head start, it read other files, or it failed (the ordinary load then reports why).
   */
  static ReferenceData data(PackFiles pack) {
    FutureTask<PackFiles> f = files;
    FutureTask<ReferenceData> d = data;
    if (f == null || d == null || get(f) != pack) {
      return null;
    }
    return get(d);
  }

  /** The bundled pack's files as read ahead, or null when there was no head start or it failed. */
  public static PackFiles bundledFiles() {
    return get(files);
  }

  /**
   * What reading the cache entry for this folder and key ahead gave (compiled rules, or why the
   * entry was discarded), or null when there was no head start, no entry, or another folder or key.
   */
  static PackCache.Loaded loaded(Path cacheDir, String key) {
    Loaded l = get(task);
    if (l == null || l.cacheDir() == null || !l.cacheDir().equals(cacheDir) || !l.key().equals(key)
        || l.loaded().kieBase() == null && l.loaded().doubt() == null) {
      return null;
    }
    return l.loaded();
  }

  private static <T> T get(FutureTask<T> t) {
    if (t == null) {
      return null;
    }
    try {
      return t.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception | LinkageError e) {
      return null; // the ordinary load will meet the same problem and report it properly
    }
  }
}
