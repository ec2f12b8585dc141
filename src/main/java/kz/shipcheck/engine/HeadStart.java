package kz.shipcheck.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import org.kie.api.KieBase;

/**
 * Reads the bundled rule pack and its compiled rules from the cache on other threads while the main
 * thread is still parsing the command line and looking at the inputs, and with them the pack's
 * reference data and messages, and sets up what the check will need next (ICU, the engine's session
 * classes): on two cores the work overlaps instead of following the rules. It is a guess: started
 * only by {@code main} for a {@code check} that names no other pack and keeps the cache, and used
 * only when the pack and cache entry it read are the ones {@link RulePack#load} then asks for;
 * anything else, a failure included, is ignored and the pack is loaded as usual.
 */
public final class HeadStart {
  /** What the head start read: the bundled pack's cache key and what reading its entry gave. */
  record Loaded(Path cacheDir, String key, PackCache.Loaded loaded, KieBase model) {}

  private static volatile FutureTask<PackFiles> files;
  private static volatile FutureTask<Loaded> task;
  private static volatile FutureTask<ReferenceData> data;
  private static volatile FutureTask<Messages> messages;

  private HeadStart() {}

  /**
   * Starts reading the bundled pack (and its cache entry in {@code cacheDir}, unless that is null)
   * in the background, and its reference data too when {@code withData} (no {@code --register}
   * replaces the pack's register), and its messages in English and {@code lang}.
   */
  public static void bundledPack(Path cacheDir, String toolVersion, boolean withData, String lang) {
    // the files are handed over as soon as they are read, the KieBase when it is built or read
    FutureTask<PackFiles> f = new FutureTask<>(PackFiles::bundled);
    FutureTask<Loaded> t =
        new FutureTask<>(
            () -> {
              PackFiles pack = f.get();
              KieBase model = BundledModel.kieBase(pack);
              if (model != null) {
                return new Loaded(null, null, null, model);
              }
              String key = PackCache.key(pack, toolVersion);
              if (cacheDir == null) {
                return new Loaded(
                    null, key, new PackCache.Loaded(null, null), null); // the cache is refused
              }
              // checked against the DRL as RulePack.load checks it: the same entry, read earlier
              return new Loaded(
                  cacheDir,
                  key,
                  PackCache.at(cacheDir).load(key, DrlRules.of(pack.drlSources())),
                  null);
            });
    // The data (YAML, about a third of a one-file check's start-up) does not depend on the
    // compiled rules: it is parsed on this thread while the cache entry is read on another, and
    // both while the main thread is still building the command line.
    FutureTask<ReferenceData> d =
        withData ? new FutureTask<>(() -> ReferenceData.load(f.get(), null, null)) : null;
    // the messages too (ICU templates): otherwise they are read after the rules, on the main thread
    FutureTask<Messages> m = new FutureTask<>(() -> Messages.load(f.get()));
    files = f;
    task = t;
    data = d;
    messages = m;
    Thread thread =
        new Thread(
            () -> {
              f.run();
              Thread rules = new Thread(t, "shipcheck-head-start-rules");
              rules.setDaemon(true);
              rules.start();
              try {
                // the pack's sha256 (every report's, and what the rules thread checks the model
                // against when it is built): hashed here meanwhile
                f.get().sha256();
              } catch (Exception | LinkageError e) {
                // only a head start: the rules thread computes it and meets the same problem
              }
              if (d != null) {
                d.run();
                warmRows(d);
              }
              m.run();
              readLanguages(m, lang);
              warmMessages();
              warmSessions();
            },
            "shipcheck-head-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads English's messages (every language falls back to it) and those of the language the run
   * will likely speak: the bundled pack's are read when first asked for, which would otherwise be
   * on the main thread, after the rules, for the catalogue's titles. Failures are ignored.
   */
  private static void readLanguages(FutureTask<Messages> messages, String lang) {
    try {
      Messages m = messages.get();
      for (String l : List.of(Messages.ENGLISH, lang)) {
        if (Messages.LANGUAGES.contains(l)) {
          m.templates(l);
          m.names(l);
        }
      }
    } catch (Exception | LinkageError e) {
      // only a head start
    }
  }

  /**
   * Formats a message the way findings' and titles' messages are formatted (ICU MessageFormat with
   * a plural and a number, a list): ICU's classes and locale data are set up here, beside the
   * reading of the compiled rules, not on the main thread after it. Failures are ignored.
   */
  private static void warmMessages() {
    try {
      com.ibm.icu.util.ULocale en = com.ibm.icu.util.ULocale.ENGLISH;
      new com.ibm.icu.text.MessageFormat("{n, plural, one {# day} other {# days}}, {v, number}", en)
          .format(java.util.Map.of("n", 2, "v", 1.5));
      com.ibm.icu.text.ListFormatter.getInstance(
              en, com.ibm.icu.text.ListFormatter.Type.OR, com.ibm.icu.text.ListFormatter.Width.WIDE)
          .format(List.of("a", "b"));
    } catch (RuntimeException | LinkageError e) {
      // only a head start
    }
  }

  /**
   * Calls {@code equals} on a row of each kind the rules compare ({@code ==} in the DRL is {@code
   * equals} in the rules as built into shipcheck): a record's {@code equals} is linked through
   * method handles on its first call, some 60 ms of one core for the kinds a check meets, which the
   * first declaration would otherwise pay after the rules are built. Failures are ignored.
   */
  private static void warmRows(FutureTask<ReferenceData> data) {
    try {
      ReferenceData d = data.get();
      List<java.util.Collection<?>> kinds =
          List.of(
              d.products(),
              d.regions(),
              d.crossings(),
              d.laboratories(),
              d.restrictions(),
              d.forms(),
              d.certificateTypes(),
              d.register().entries());
      for (java.util.Collection<?> rows : kinds) {
        if (!rows.isEmpty()) {
          Object row = rows.iterator().next();
          row.equals(row); // with another of its kind: null stops before the fields
        }
      }
      kz.shipcheck.pack.Rate usd = d.rate("USD");
      if (usd != null) {
        usd.equals(usd);
      }
    } catch (Exception | LinkageError e) {
      // only a head start
    }
  }

  /**
   * Creates and drops a rule session of an empty rule base: that loads and initialises the engine's
   * session classes (some three hundred) while the compiled rules are still being read on the other
   * core, not after them, when the first declaration's session is made. Any failure is ignored: the
   * real session meets it and reports it.
   */
  private static void warmSessions() {
    try {
      org.kie.api.runtime.KieSession s =
          org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase().newKieSession();
      s.fireAllRules();
      s.dispose();
    } catch (RuntimeException | LinkageError e) {
      // only a head start
    }
  }

  /**
   * The reference data of these files, read ahead with no register override, or null when there was
   * no head start, it read other files, or it failed (the ordinary load then reports why).
   */
  static ReferenceData data(PackFiles pack) {
    FutureTask<PackFiles> f = files;
    FutureTask<ReferenceData> d = data;
    if (f == null || d == null || get(f) != pack) {
      return null;
    }
    return get(d);
  }

  /**
   * The rule base built ahead from the bundled model ({@link BundledModel}) for these files, or
   * null when there was no head start, it read other files, or there was no model for them.
   */
  static KieBase model(PackFiles pack) {
    FutureTask<PackFiles> f = files;
    Loaded l = get(task);
    return l == null || l.model() == null || get(f) != pack ? null : l.model();
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
    if (l == null
        || l.cacheDir() == null
        || !l.cacheDir().equals(cacheDir)
        || !l.key().equals(key)
        || l.loaded().kieBase() == null && l.loaded().doubt() == null) {
      return null;
    }
    return l.loaded();
  }

  /** The messages of these files as read ahead, or null (no head start, other files, a failure). */
  static Messages messages(PackFiles pack) {
    FutureTask<PackFiles> f = files;
    FutureTask<Messages> m = messages;
    if (f == null || m == null || get(f) != pack) {
      return null;
    }
    return get(m);
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
