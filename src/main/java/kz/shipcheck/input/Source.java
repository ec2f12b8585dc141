package kz.shipcheck.input;

import java.nio.file.Path;

/**
 * One input as the user named it: a file (with the name to report), or standard input.
 *
 * @param name the path as given on the command line, joined with the path inside a folder; "-" for
 *     standard input
 * @param path the file to read, or null for standard input
 * @param problem why the input cannot even be opened (a broken link, a loop), or null
 * @param size the file's size in bytes when the folder walk has already read it, else -1
 */
public record Source(String name, Path path, String problem, long size) {
  public Source(String name, Path path, String problem) {
    this(name, path, problem, -1);
  }

  public static Source file(String name, Path path) {
    return new Source(name, path, null);
  }

  /** A file whose size the walk has read (one stat call per file instead of several). */
  static Source file(String name, Path path, long size) {
    return new Source(name, path, null, size);
  }

  public static Source stdin() {
    return new Source("-", null, null);
  }

  public static Source broken(String name, Path path, String problem) {
    return new Source(name, path, problem);
  }
}
