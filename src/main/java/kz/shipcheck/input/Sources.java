package kz.shipcheck.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Expands the command line's paths into inputs, lazily and in a fixed order: each argument in turn;
 * inside a folder, {@code *.yaml} and {@code *.yml} files found recursively, sorted by name at each
 * level. Folders are listed one at a time, so a million files never sit in memory at once. What
 * cannot be opened (broken links, loops, unreadable folders, pipes and sockets found in a folder)
 * still becomes a source, so that it appears in the report. A file whose name is not valid in the
 * locale's encoding is read all the same, and named by its bytes ({@link FileNames}).
 */
public final class Sources implements Iterable<Source> {
  /** Ends the name of a folder entry whose name is not exact; see {@link Walk}. */
  private static final char INEXACT = '\0';

  private final List<String> args;

  public Sources(List<String> args) {
    this.args = List.copyOf(args);
  }

  /** The arguments that name nothing at all; the CLI refuses these as usage errors (exit 2). */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-")) {
        continue;
      }
      // a name whose bytes cannot be known is not "missing": it is reported as unreadable
      Path p = FileNames.argument(a).path();
      if (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(a);
      }
    }
    return out;
  }

  static boolean isYamlName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  @Override
  public Iterator<Source> iterator() {
    return new Walk();
  }

  /** A depth-first walk over the arguments, one folder listing at a time. */
  private final class Walk implements Iterator<Source> {
    private final Iterator<String> argIt = args.iterator();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Source next;

    /**
     * A folder being walked: its children's names, sorted, and the entries whose name is not exact
     * (see {@link FileNames}) by their marked name.
     */
    private record Frame(
        String name, Path dir, Path real, Iterator<String> children, Map<String, Path> inexact) {}

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (!stack.isEmpty()) {
          Frame top = stack.peek();
          if (!top.children().hasNext()) {
            stack.pop();
            continue;
          }
          String child = top.children().next();
          Path raw = top.inexact().get(child);
          if (raw != null) {
            visit(top.name() + "/" + child.substring(0, child.length() - 1), raw, false);
          } else {
            visit(top.name() + "/" + child, top.dir().resolve(child), false);
          }
        } else if (argIt.hasNext()) {
          String a = argIt.next();
          if (a.equals("-")) {
            next = Source.stdin();
          } else {
            FileNames.Argument arg = FileNames.argument(a);
            String n = arg.name();
            String name = n.length() > 1 && n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
            if (arg.path() == null) {
              next =
                  Source.broken(
                      name,
                      null,
                      "the file name is not valid in this locale's encoding ("
                          + System.getProperty("sun.jnu.encoding")
                          + "), so it cannot be opened: rename the file, or run"
                          + " under a UTF-8 locale (LC_ALL=C.UTF-8)");
            } else {
              visit(name, arg.path(), true);
            }
          }
        } else {
          return false;
        }
      }
      return true;
    }

    private void visit(String name, Path path, boolean explicit) {
      // one lstat (and a stat only for a link) answers every question below: the walk runs on the
      // thread that hands work to the others, once per file
      BasicFileAttributes own = attributes(path, LinkOption.NOFOLLOW_LINKS);
      boolean link = own != null && own.isSymbolicLink();
      BasicFileAttributes target = link ? attributes(path) : own; // null: missing, broken or a loop
      if (target != null && target.isDirectory()) {
        Path real;
        try {
          real = path.toRealPath();
        } catch (IOException e) {
          next = Source.broken(name, path, "cannot open the folder: " + e.getMessage());
          return;
        }
        for (Frame f : stack) {
          if (f.real().equals(real)) {
            next = Source.broken(name, path, "symbolic link loop: leads back to " + f.name());
            return;
          }
        }
        List<String> children = new ArrayList<>();
        Map<String, Path> inexact = Map.of();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
          for (Path c : ds) {
            String fn = c.getFileName().toString();
            boolean exact = FileNames.exact(fn, c);
            if (!exact) {
              fn = FileNames.display(c);
            }
            // the name first: a batch folder holds mostly *.yaml files, and each stat call costs
            if (isYamlName(fn) || Files.isDirectory(c)) {
              if (exact) {
                children.add(fn);
              } else {
                // read through the listing's own Path, which has the bytes; the NUL that marks the
                // name can be in no real file name, so it never stands for another file
                if (inexact.isEmpty()) {
                  inexact = new HashMap<>();
                }
                inexact.put(fn + INEXACT, c);
                children.add(fn + INEXACT);
              }
            }
          }
        } catch (IOException e) {
          next = Source.broken(name, path, "cannot list the folder: " + reason(e));
          return;
        }
        children.sort(null);
        stack.push(new Frame(name, path, real, children.iterator(), inexact));
      } else if (target != null) {
        if (!explicit && isYamlName(path.getFileName().toString()) && !target.isRegularFile()) {
          // a named pipe would block the run forever, a socket or device cannot be read as a file;
          // named on the command line (e.g. <(generate) is a pipe) they are read as given
          next =
              Source.broken(name, path, "not a regular file (a pipe, socket or device): not read");
        } else if (explicit || isYamlName(path.getFileName().toString())) {
          next = Source.file(name, path, target.isRegularFile() ? target.size() : -1);
        }
      } else if (link) {
        if (explicit || isYamlName(path.getFileName().toString())) {
          next =
              Source.broken(
                  name, path, "broken symbolic link (or a link loop): its target does not exist");
        }
      } else if (explicit) {
        next = Source.broken(name, path, "no such file");
      }
    }

    @Override
    public Source next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Source s = next;
      next = null;
      return s;
    }
  }

  /** The path's attributes, or null when it cannot be read (missing, a broken link, a loop). */
  private static BasicFileAttributes attributes(Path path, LinkOption... options) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, options);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException
        ? "permission denied"
        : String.valueOf(e.getMessage());
  }

  /** For tests: every source, in order. */
  public List<Source> toList() {
    List<Source> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  static Set<String> names(Iterable<Source> sources) {
    Set<String> out = new HashSet<>();
    sources.forEach(s -> out.add(s.name()));
    return out;
  }
}
