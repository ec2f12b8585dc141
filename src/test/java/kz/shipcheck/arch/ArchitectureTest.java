package kz.shipcheck.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stages apart (EXAMPLES.md): picocli only in the cli package, Drools and KIE only in
 * the engine package. A plain scan of import lines, like Checkstyle's import control.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/kz/shipcheck");

  private static List<String> violations(String importPrefix, String allowedPackage) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(f.getParent()).toString().replace('\\', '/');
        if (pkg.equals(allowedPackage) || pkg.startsWith(allowedPackage + "/")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).trim();
          if ((l.startsWith("import " + importPrefix) || l.startsWith("import static " + importPrefix))) {
            out.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + l);
          }
        }
      }
    }
    return out;
  }

  @Test
  void picocliOnlyInCli() throws IOException {
    assertEquals(List.of(), violations("picocli.", "cli"));
  }

  @Test
  void droolsOnlyInEngine() throws IOException {
    List<String> v = new ArrayList<>(violations("org.drools.", "engine"));
    v.addAll(violations("org.kie.", "engine"));
    assertEquals(List.of(), v);
  }

  @Test
  void resultsAndReportsDependOnNeitherEngineNorCli() throws IOException {
    List<String> v = new ArrayList<>();
    for (String pkg : List.of("result", "report", "model", "input", "pack")) {
      for (String forbidden : List.of("kz.shipcheck.engine.", "kz.shipcheck.cli.")) {
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
              if (l.startsWith("import " + forbidden)) {
                v.add(MAIN.relativize(f) + ": " + l);
              }
            }
          }
        }
      }
    }
    assertEquals(List.of(), v);
  }
}
