package kz.shipcheck.engine;

import java.io.ObjectInputFilter;
import java.util.function.BinaryOperator;

/**
 * The bounds a cache entry is read under, for every {@link java.io.ObjectInputStream} the reading
 * thread opens. A filter set on shipcheck's own stream does not reach the streams Drools opens
 * while reading a package (the compiled consequences' bytes are read through an ObjectInputStream
 * of its own, in JavaDialectRuntimeData), so an entry forged there would have been read unbounded.
 * A JVM-wide filter factory gives each new stream the filter of the thread that opens it, and
 * streams of other threads what the JVM would give them.
 *
 * <p>The JDK takes a factory only before the first ObjectInputStream of the run is made: it is
 * installed when the first cache entry is read, which in a run of shipcheck comes before any other
 * ObjectInputStream (not first thing in {@code main}: setting up the JDK's filter configuration
 * costs 20 to 40 ms, and a check with the bundled pack reads no entry). Where it could not be
 * installed (a factory set with {@code -Djdk.serialFilterFactory}, or a stream made earlier in a
 * long-lived JVM), the filter is set on shipcheck's own stream only, as before.
 */
public final class CacheFilter {
  private static final ThreadLocal<ObjectInputFilter> ACTIVE = new ThreadLocal<>();
  private static final boolean INSTALLED = tryInstall();

  private CacheFilter() {}

  private static boolean tryInstall() {
    try {
      BinaryOperator<ObjectInputFilter> jvm = ObjectInputFilter.Config.getSerialFilterFactory();
      ObjectInputFilter.Config.setSerialFilterFactory(
          (current, next) -> {
            ObjectInputFilter f = ACTIVE.get();
            return f != null ? f : jvm.apply(current, next);
          });
      return true;
    } catch (IllegalStateException | SecurityException e) {
      return false;
    }
  }

  /** Installs the factory, when it can be; true when it is in place. */
  public static boolean install() {
    return INSTALLED;
  }

  /** A read of a cache entry's part: the stream it opens is given the filter by the factory. */
  interface Read<T> {
    T run(boolean filteredByFactory) throws Exception;
  }

  /**
   * Runs {@code read} with {@code filter} on every ObjectInputStream this thread opens meanwhile;
   * {@code read} is told whether the factory does that, or it must set the filter on its stream
   * itself.
   */
  static <T> T readingWith(ObjectInputFilter filter, Read<T> read) throws Exception {
    if (!INSTALLED) {
      return read.run(false);
    }
    ACTIVE.set(filter);
    try {
      return read.run(true);
    } finally {
      ACTIVE.remove();
    }
  }
}
