package kz.shipcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the repository's rule pack that a test may break or extend without touching rules/. */
public final class PackCopy {
  private PackCopy() {}

  /**
   * Copies {@code rules/} into {@code dir}; with {@code withTests} false the fixtures stay behind.
   */
  public static Path of(Path dir, boolean withTests) throws IOException {
    Path rules = Path.of("rules");
    try (Stream<Path> walk = Files.walk(rules)) {
      walk.filter(p -> withTests || !p.startsWith(rules.resolve("tests")))
          .forEach(
              p -> {
                try {
                  Path to = dir.resolve(rules.relativize(p).toString());
                  if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                  } else {
                    Files.copy(p, to);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return dir;
  }
}
