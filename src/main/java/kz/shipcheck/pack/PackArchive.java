package kz.shipcheck.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A pack file: a zip of the pack's files. Reading treats the zip as untrusted input (it may come
 * from anywhere): no entry may name a path outside the pack or name one file twice, symbolic links
 * are refused, and the entry count, each file's size and the total are bounded while inflating (the
 * sizes a zip's headers claim are never believed). Writing is deterministic: the same files give
 * the same bytes, so a rebuilt pack can be compared byte for byte.
 */
public final class PackArchive {
  public static final int MAX_ENTRIES = 10_000;
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  private PackArchive() {}

  /** Reads every file of the zip into memory, path to bytes, sorted; a bad zip is a pack error. */
  public static Map<String, byte[]> read(Path zip) throws PackException {
    String display = zip.toString();
    Map<String, byte[]> files = new TreeMap<>();
    Set<String> dirs = new HashSet<>();
    Map<String, Integer> kinds = centralDirectory(zip, display);
    try (ZipFile z = new ZipFile(zip.toFile())) {
      if (z.size() != kinds.size()) {
        throw new PackException(display, 0, 0, "the zip's central directory is inconsistent");
      }
      long total = 0;
      for (var it = z.entries().asIterator(); it.hasNext(); ) {
        ZipEntry e = it.next();
        String name = e.getName();
        if (e.isDirectory()) {
          String dir = name.substring(0, name.length() - 1);
          checkName(display, dir);
          dirs.add(dir);
          try (InputStream in = z.getInputStream(e)) {
            if (in.read() != -1) {
              throw new PackException(
                  display, 0, 0, "entry '" + name + "' is a folder with content");
            }
          }
          continue;
        }
        checkName(display, name);
        Integer kind = kinds.get(name);
        if (kind != null && (kind & 0170000) == 0120000) {
          throw new PackException(
              display, 0, 0, "entry '" + name + "' is a symbolic link; a pack holds only files");
        }
        byte[] bytes;
        try (InputStream in = z.getInputStream(e)) {
          bytes =
              readBounded(
                  in, Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total), display, name, total);
        }
        total += bytes.length;
        files.put(name, bytes);
      }
    } catch (ZipException e) {
      throw new PackException(display, 0, 0, "not a readable zip: " + e.getMessage());
    } catch (IOException e) {
      throw new PackException(display, 0, 0, "cannot read the pack file: " + e.getMessage());
    }
    for (String f : files.keySet()) {
      if (dirs.contains(f)) {
        throw new PackException(display, 0, 0, "'" + f + "' is both a file and a folder");
      }
      for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
        if (files.containsKey(f.substring(0, i))) {
          throw new PackException(
              display, 0, 0, "'" + f.substring(0, i) + "' is both a file and a folder");
        }
      }
    }
    return files;
  }

  private static byte[] readBounded(
      InputStream in, long limit, String display, String name, long total)
      throws IOException, PackException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long n = 0;
    for (int r; (r = in.read(buf)) != -1; ) {
      n += r;
      if (n > limit) {
        throw new PackException(
            display,
            0,
            0,
            total + n > MAX_TOTAL_BYTES
                ? "the pack inflates to more than " + (MAX_TOTAL_BYTES >> 20) + " MiB"
                : "entry '" + name + "' inflates to more than " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  /**
   * A path inside the pack: relative, forward slashes, no empty, {@code .} or {@code ..} segment,
   * no control character, no drive letter. Anything else could name a file outside the pack once
   * unzipped (zip slip) or mean different files on different systems.
   */
  static void checkName(String display, String name) throws PackException {
    String why = null;
    if (name.isEmpty()) {
      why = "an empty name";
    } else if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      why = "an absolute path";
    } else if (name.indexOf('\\') >= 0) {
      why = "a backslash";
    } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      why = "a control character";
    } else {
      for (String seg : name.split("/", -1)) {
        if (seg.equals("..") || seg.equals(".") || seg.isEmpty()) {
          why = "a '" + seg + "' segment";
          break;
        }
      }
    }
    if (why != null) {
      throw new PackException(
          display,
          0,
          0,
          "entry '"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "' has "
              + why
              + "; a pack's paths stay inside the pack");
    }
  }

  /**
   * The central directory read by hand: each entry's Unix file type (the upper bits of its external
   * attributes; 0 when not made on Unix), which {@link ZipEntry} does not expose, and a check that
   * no name occurs twice.
   */
  private static Map<String, Integer> centralDirectory(Path zip, String display)
      throws PackException {
    Map<String, Integer> out = new TreeMap<>();
    try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
      long len = f.length();
      if (len > MAX_TOTAL_BYTES) {
        throw new PackException(
            display, 0, 0, "the pack file is larger than " + (MAX_TOTAL_BYTES >> 20) + " MiB");
      }
      int tail = (int) Math.min(len, 22 + 65535);
      byte[] end = new byte[tail];
      f.seek(len - tail);
      f.readFully(end);
      int eocd = -1;
      for (int i = tail - 22; i >= 0; i--) {
        if (u32(end, i) == 0x06054b50L) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        throw new PackException(display, 0, 0, "not a zip (no end of central directory)");
      }
      int count = u16(end, eocd + 10);
      long size = u32(end, eocd + 12);
      long offset = u32(end, eocd + 16);
      if (count == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
        throw new PackException(display, 0, 0, "zip64 archives are not pack files");
      }
      if (count > MAX_ENTRIES) {
        throw new PackException(display, 0, 0, "more than " + MAX_ENTRIES + " entries");
      }
      if (offset + size > len) {
        throw new PackException(display, 0, 0, "not a zip (central directory out of bounds)");
      }
      byte[] cd = new byte[(int) size];
      f.seek(offset);
      f.readFully(cd);
      int p = 0;
      for (int i = 0; i < count; i++) {
        if (p + 46 > cd.length || u32(cd, p) != 0x02014b50L) {
          throw new PackException(
              display, 0, 0, "not a zip (bad central directory entry " + (i + 1) + ")");
        }
        int madeBy = u16(cd, p + 4) >> 8;
        int nameLen = u16(cd, p + 28);
        int extraLen = u16(cd, p + 30);
        int commentLen = u16(cd, p + 32);
        long external = u32(cd, p + 38);
        if (p + 46 + nameLen > cd.length) {
          throw new PackException(
              display, 0, 0, "not a zip (bad central directory entry " + (i + 1) + ")");
        }
        String name = new String(cd, p + 46, nameLen, StandardCharsets.UTF_8);
        if (out.put(name, madeBy == 3 ? (int) (external >>> 16) : 0) != null) {
          throw new PackException(display, 0, 0, "entry '" + name + "' occurs twice");
        }
        p += 46 + nameLen + extraLen + commentLen;
      }
    } catch (IOException e) {
      throw new PackException(display, 0, 0, "cannot read the pack file: " + e.getMessage());
    }
    return out;
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int i) {
    return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xffffffffL;
  }

  /**
   * Writes the files as a zip: entries sorted, every timestamp {@code stamp} (the pack's effective
   * date), no extra fields, so that equal files give equal bytes.
   */
  public static void write(OutputStream out, Map<String, byte[]> files, LocalDateTime stamp)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(9);
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      ZipEntry entry = new ZipEntry(e.getKey());
      entry.setTimeLocal(stamp);
      zip.putNextEntry(entry);
      zip.write(e.getValue());
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }
}
