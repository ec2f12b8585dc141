package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Rule pack releases" section of docs/rule-pack.md, run as written in a scratch folder: the
 * maintainer makes a key with openssl, builds and signs a release; the broker verifies it, diffs
 * the pending declarations and checks with it. Each {@code text} block after an {@code sh} block is
 * the output of its last command. SHA-256 values and file or fixture counts are compared as
 * placeholders, so that a data correction or a new fixture does not make the docs wrong; everything
 * else must match. Skipped where openssl is not installed (the section's first step).
 */
class ReadmeReleasesTest {
  private static final Pattern SED = Pattern.compile("sed -i 's([/|])(.*?)\\1(.*?)\\1' (\\S+)");
  private static final Pattern HEREDOC = Pattern.compile("cat >> (\\S+) <<'EOF'");

  @Test
  void theReleasesSectionRunsAsWritten(@TempDir Path root) throws Exception {
    Assumptions.assumeTrue(hasOpenssl(root), "openssl with Ed25519 is not installed");
    List<ReadmeToolingTest.Block> blocks = ReadmeToolingTest.blocks(section());
    int compared = 0;
    for (int b = 0; b < blocks.size(); b++) {
      if (!blocks.get(b).lang().equals("sh")) {
        continue;
      }
      ReadmeToolingTest.Block expected =
          b + 1 < blocks.size() && blocks.get(b + 1).lang().equals("text")
              ? blocks.get(b + 1)
              : null;
      Cli.Run last = null;
      List<String> lines = List.of(blocks.get(b).text().split("\n"));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        Matcher sed = SED.matcher(line);
        Matcher heredoc = HEREDOC.matcher(line);
        if (line.startsWith("openssl ")) {
          Process p =
              new ProcessBuilder(line.split(" "))
                  .directory(root.toFile())
                  .redirectErrorStream(true)
                  .start();
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, line + "\n" + out);
        } else if (heredoc.matches()) {
          StringBuilder content = new StringBuilder();
          while (!lines.get(++i).equals("EOF")) {
            content.append(lines.get(i)).append('\n');
          }
          Files.writeString(root.resolve(heredoc.group(1)), content, StandardOpenOption.APPEND);
        } else if (sed.matches()) {
          Path f = root.resolve(sed.group(4));
          String text = Files.readString(f);
          assertTrue(text.contains(sed.group(2)), line);
          Files.writeString(f, text.replace(sed.group(2), sed.group(3)));
        } else if (line.startsWith("mkdir -p ")) {
          Files.createDirectories(root.resolve(line.substring("mkdir -p ".length())));
        } else if (line.startsWith("cp -r ")) {
          String[] a = line.split(" ");
          copyTree(Path.of(a[2]), root.resolve(a[3]));
        } else if (line.startsWith("cp ")) {
          String[] a = line.split(" ");
          for (int k = 1; k < a.length - 1; k++) {
            Files.copy(
                Path.of(a[k]), root.resolve(a[a.length - 1]).resolve(Path.of(a[k]).getFileName()));
          }
        } else if (line.startsWith("target/shipcheck ")) {
          List<String> args = new ArrayList<>();
          for (String a : line.substring("target/shipcheck ".length()).split("\\s+")) {
            args.add(
                !a.startsWith("-")
                        && (Files.exists(root.resolve(a))
                            || a.endsWith(".zip")
                            || a.endsWith(".json"))
                    ? root.resolve(a).toString()
                    : a);
          }
          last = Cli.run(args.toArray(String[]::new));
        } else if (!line.isEmpty()) {
          fail(
              "docs/rule-pack.md command the test cannot run (keep the docs to what is tested): "
                  + line);
        }
      }
      if (expected != null) {
        assertTrue(last != null, "a text block follows an sh block without a shipcheck command");
        String actual = (last.out() + last.err()).replace(root + "/", "");
        ReadmeToolingTest.assertMatches(normal(expected.text()), normal(actual));
        // build and verify succeed; the diff finds a pass turning into a fail, and the check fails
        // it
        assertEquals(compared < 2 ? 0 : 1, last.code(), actual);
        compared++;
      }
    }
    assertEquals(4, compared, "outputs compared");
  }

  /** Hashes and counts that change with every data correction or new fixture, as placeholders. */
  static String normal(String s) {
    return s.replaceAll("[0-9a-f]{64}", "<sha256>")
        .replaceAll("[0-9a-f]{12}…", "<sha256>…")
        .replaceAll("\\d+ (files|fixtures)", "N $1");
  }

  private static boolean hasOpenssl(Path dir) {
    try {
      Process p =
          new ProcessBuilder("openssl", "version")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static String section() throws IOException {
    String doc = Files.readString(Path.of("docs/rule-pack.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("<!-- section: releases -->");
    int end = doc.indexOf("<!-- section:", start + 1);
    assertTrue(start >= 0, "docs/rule-pack.md has no releases section");
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
