package kz.shipcheck.engine;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The file of one {@link PackCache} entry: a header (magic, the key, the rules it holds, and the
 * length and SHA-256 of each part of the payload) and the compiled packages in Drools' own
 * serialization, in {@link #PARTS} parts. Reading checks every part of it before any is
 * deserialized, and deserializes under an {@link ObjectInputFilter} and a time limit; see {@link
 * PackCache} for why.
 *
 * <p>Why parts: reading the compiled packages back is the longest step of a one-file check's
 * start-up (about 200 ms of one core), and Java deserialization is single-threaded. Each part is a
 * run of whole packages, in the KieBase's order, serialized on its own, so the parts are read on
 * threads of their own and the packages put back together in the order they were written.
 */
final class CacheEntry {
  private static final byte[] MAGIC =
      "shipcheck compiled rule pack\n".getBytes(StandardCharsets.US_ASCII);

  /** Far above a real entry (the bundled pack's is 0.4 MB; five times its rules, 2 MB). */
  static final long MAX_ENTRY_BYTES = 64L << 20;

  private static final int MAX_RULES = 1_000_000;

  /** The payload's parts: one per core of the machines it was measured on (docs/performance.md). */
  static final int PARTS = 2;

  private static final int MAX_PARTS = 64;

  /**
   * The bounds are several times what the bundled pack needs (depth 20, 11,000 references, arrays
   * of 52,000); the classes are whole packages, see {@link PackCache}.
   */
  private static final String FILTER_PATTERN =
      "maxdepth=64;maxrefs=1000000;maxarray=4000000;"
          + "java.lang.*;java.util.*;java.util.concurrent.*;java.util.concurrent.atomic.*;java.util.concurrent.locks.*;"
          + "java.time.*;java.math.*;org.drools.**;org.kie.**;org.mvel2.**;kz.shipcheck.**;!*";

  private CacheEntry() {}

  /** Why an entry is not used. */
  static final class Doubt extends Exception {
    private static final long serialVersionUID = 1L;

    Doubt(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The packages in Drools' serialization, in at most {@code parts} parts: runs of whole packages
   * in their order, cut where the parts' sizes come out most even. The payload of an entry.
   */
  static List<byte[]> serialize(List<KiePackage> packages, int parts) throws IOException {
    long[] sizes = new long[packages.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = serialized(List.of(packages.get(i))).length;
      total += sizes[i];
    }
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    long done = 0;
    for (int part = 1; part <= parts && from < packages.size(); part++) {
      // this part ends where the running size first reaches its share of the whole
      long share = total * part / parts;
      int to = from + 1;
      done += sizes[from];
      while (to < packages.size() && (part == parts || done + sizes[to] / 2 < share)) {
        done += sizes[to];
        to++;
      }
      out.add(serialized(new ArrayList<>(packages.subList(from, to))));
      from = to;
    }
    return out;
  }

  private static byte[] serialized(List<KiePackage> packages) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
    try (DroolsObjectOutputStream oos = new DroolsObjectOutputStream(payload)) {
      oos.writeObject(packages);
    }
    return payload.toByteArray();
  }

  /**
   * Writes the entry for {@code key} to {@code f}: the header, then the {@link #serialize}d parts.
   */
  static void write(Path f, String key, List<String> declaredRules, List<byte[]> parts)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(f);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16))) {
      data.write(MAGIC);
      data.writeUTF(key);
      data.writeInt(declaredRules.size());
      for (String r : declaredRules) {
        data.writeUTF(r);
      }
      data.writeInt(parts.size());
      for (byte[] p : parts) {
        data.writeLong(p.length);
        data.write(sha256(p));
      }
      for (byte[] p : parts) {
        data.write(p);
      }
    }
  }

  /**
   * The compiled rules of the entry at {@code f}, when its file, header and payload are all as
   * written for this key and these rules, read within {@code timeout}.
   *
   * @throws Doubt saying why the entry is not used
   */
  static KieBase read(Path f, String key, List<String> declaredRules, Duration timeout)
      throws Doubt {
    String unsafe = CacheLocation.unsafeFile(f);
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
    if (bytes.length < MAGIC.length
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new Doubt("not a shipcheck cache entry");
    }
    List<byte[]> parts;
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length))) {
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
        throw new Doubt(
            "it lists other rules than the DRL declares: "
                + n
                + " rules, the DRL "
                + declaredRules.size());
      }
      int count = in.readInt();
      if (count < 1 || count > MAX_PARTS) {
        throw new Doubt("not a shipcheck cache entry");
      }
      long[] lengths = new long[count];
      byte[][] shas = new byte[count][];
      long length = 0;
      for (int i = 0; i < count; i++) {
        lengths[i] = in.readLong();
        shas[i] = in.readNBytes(32);
        if (lengths[i] < 0 || lengths[i] > MAX_ENTRY_BYTES) {
          throw new Doubt("truncated or altered");
        }
        length += lengths[i];
      }
      if (length != in.available()) {
        throw new Doubt(
            "truncated or altered: " + in.available() + " bytes of compiled rules, not " + length);
      }
      parts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] part = in.readNBytes((int) lengths[i]);
        if (!Arrays.equals(shas[i], sha256(part))) {
          throw new Doubt(
              "truncated or altered: the compiled rules do not have the SHA-256 written with them");
        }
        parts.add(part);
      }
    } catch (IOException e) {
      throw new Doubt("truncated or altered");
    }
    return deserializeWithin(parts, declaredRules, timeout);
  }

  /** Reads the compiled packages, each part on a thread of its own, giving up after the timeout. */
  private static KieBase deserializeWithin(
      List<byte[]> parts, List<String> declaredRules, Duration timeout) throws Doubt {
    List<FutureTask<List<KiePackage>>> reads = new ArrayList<>();
    for (byte[] part : parts) {
      reads.add(new FutureTask<>(() -> deserialize(part)));
    }
    FutureTask<KieBase> task =
        new FutureTask<>(
            () -> {
              // the first part on this thread, the others on threads of their own meanwhile
              for (int i = 1; i < reads.size(); i++) {
                start(reads.get(i), "shipcheck-cache-read-" + (i + 1));
              }
              reads.get(0).run();
              List<KiePackage> packages = new ArrayList<>();
              for (FutureTask<List<KiePackage>> r : reads) {
                try {
                  packages.addAll(r.get());
                } catch (ExecutionException e) {
                  throw e.getCause() instanceof Exception x ? x : e;
                }
              }
              return kieBase(packages, declaredRules);
            });
    Thread reader = start(task, "shipcheck-cache-read");
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reads.forEach(r -> r.cancel(true));
      reader.interrupt();
      throw new Doubt("reading it took longer than " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      reads.forEach(r -> r.cancel(true));
      reader.interrupt();
      Thread.currentThread().interrupt();
      throw new Doubt("interrupted while reading it");
    } catch (ExecutionException e) {
      reads.forEach(r -> r.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof Doubt d) {
        throw d;
      }
      if (cause instanceof OutOfMemoryError) {
        // only these threads' allocations failed; the objects they read are garbage now
        throw new Doubt("reading it ran out of memory");
      }
      if (cause instanceof InvalidClassException ice
          && ice.getMessage() != null
          && ice.getMessage().contains("filter status")) {
        throw new Doubt(
            "refused while reading it: a class or size outside the bounds ("
                + ice.getMessage()
                + ")");
      }
      throw new Doubt("unreadable: " + cause);
    }
  }

  /**
   * A daemon: deserialization does not look at interrupts, and an abandoned read ends with the run.
   */
  private static Thread start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The packages of one part of the payload. */
  private static List<KiePackage> deserialize(byte[] part) throws Exception {
    ObjectInputFilter filter =
        ObjectInputFilter.Config.createFilter("maxbytes=" + part.length + ";" + FILTER_PATTERN);
    Object o =
        CacheFilter.readingWith(
            filter,
            filteredByFactory -> {
              try (DroolsObjectInputStream ois =
                  new DroolsObjectInputStream(
                      new ByteArrayInputStream(part), CacheEntry.class.getClassLoader())) {
                if (!filteredByFactory) {
                  ois.setObjectInputFilter(filter);
                }
                return ois.readObject();
              }
            });
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
    return packages;
  }

  /** The rule base of these packages, when they hold exactly the rules the DRL declares. */
  private static KieBase kieBase(List<KiePackage> packages, List<String> declaredRules)
      throws Doubt {
    List<String> found = rulesOf(packages);
    if (!found.equals(declaredRules)) {
      throw new Doubt(
          "it holds other rules than the DRL declares: "
              + found.size()
              + " rules, the DRL "
              + declaredRules.size());
    }
    InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
    kb.addPackages(packages);
    return kb;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rules of these packages as {@link DrlRules#signature} writes them, sorted. */
  static List<String> rulesOf(Collection<KiePackage> packages) {
    List<String> out = new ArrayList<>();
    for (KiePackage p : packages) {
      for (Rule r : p.getRules()) {
        Map<String, Object> meta = r.getMetaData();
        Object id = meta == null ? null : meta.get("id");
        out.add(
            DrlRules.signature(r.getPackageName(), r.getName(), id == null ? null : id.toString()));
      }
    }
    out.sort(null);
    return out;
  }
}
