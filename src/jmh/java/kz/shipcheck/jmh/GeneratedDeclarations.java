package kz.shipcheck.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kz.shipcheck.bench.DeclarationGenerator;

/**
 * The benchmarks' input: the same synthetic declarations as src/bench/bench.sh checks (seed 1),
 * held in memory so that no benchmark touches the disk.
 */
final class GeneratedDeclarations {
  /** The repository's rule pack: the generator draws products, regions and the register from it. */
  static final Path RULES = Path.of("rules");

  /** One generated file: its path under the generator's folder and its content. */
  record GeneratedFile(String name, byte[] bytes) {}

  private GeneratedDeclarations() {}

  /** The files the generator writes for {@code count} declarations, in the order it wrote them. */
  static List<GeneratedFile> files(int count) throws Exception {
    if (!Files.isDirectory(RULES)) {
      throw new IllegalStateException(
          "no rules/ folder in "
              + Path.of("").toAbsolutePath()
              + ": run the benchmarks from the repository root (src/bench/jmh.sh does)");
    }
    Path dir = Files.createTempDirectory("shipcheck-jmh");
    try {
      new DeclarationGenerator(RULES, 1).write(count, dir);
      List<Path> paths;
      try (Stream<Path> s = Files.walk(dir)) {
        // folders are by ship day, so path order is not the order of writing; the file number is
        paths =
            s.filter(Files::isRegularFile)
                .sorted(Comparator.comparing(GeneratedDeclarations::number))
                .toList();
      }
      List<GeneratedFile> out = new ArrayList<>(paths.size());
      for (Path p : paths) {
        out.add(new GeneratedFile(dir.relativize(p).toString(), Files.readAllBytes(p)));
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  /** 42 for declaration-0000042.yaml or batch-0000042.yaml. */
  private static long number(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring(n.lastIndexOf('-') + 1, n.lastIndexOf('.')));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
