package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of a million tiny documents each, checked two at a time by the packaged jar in a 64 MB
 * heap. Split into all their documents before {@code --max-documents} applied, each file took some
 * 80 MB (a string and a record per document); cut one document at a time, a file costs its text and
 * one document, and the documents beyond the limit are only counted.
 */
class ManyDocumentsIT {
  static final int DOCUMENTS = 1_000_000;

  @TempDir Path dir;

  private static void writeTiny(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < DOCUMENTS; i++) {
        w.write("a\n---\n");
      }
    }
  }

  @Test
  void filesOfMillionsOfTinyDocumentsStreamThroughASmallHeap() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    writeTiny(in.resolve("a-tiny.yaml"));
    writeTiny(in.resolve("b-tiny.yaml"));
    Path out = dir.resolve("out.jsonl");
    List<String> cmd =
        List.of(
            ReportFaultsIT.JAVA,
            "-Xmx64m",
            "-XX:-UsePerfData",
            "-jar",
            PackagedJarIT.JAR.toString(),
            "check",
            "--no-cache",
            "--jobs",
            "2",
            "--quiet",
            "--format",
            "jsonl",
            "--output",
            out.toString(),
            in.toString());
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile())
            .start();
    assertTrue(
        p.waitFor(5, TimeUnit.MINUTES),
        "the check did not finish"); // a hang guard, not a speed test
    String log = Files.readString(dir.resolve("log.txt"));
    assertEquals(
        1, p.exitValue(), "exit 1 (invalid documents), not an out-of-memory error:\n" + log);
    assertFalse(log.contains("OutOfMemoryError"), log);

    List<String> lines = Files.readAllLines(out);
    assertEquals(2 * 10_001, lines.size(), "10,000 documents and one for the rest, per file");
    for (String file : List.of("a-tiny.yaml", "b-tiny.yaml")) {
      JsonNode last = null;
      for (String line : lines) {
        JsonNode r = LimitsIT.JSON.readTree(line);
        if (r.get("file").asText().endsWith(file) && r.get("document").asInt() == 10_001) {
          last = r;
        }
      }
      assertTrue(last != null, file + " has no result for the documents beyond the limit");
      JsonNode f = last.get("findings").get(0);
      assertEquals("INPUT-LIMIT", f.get("rule").asText(), last.toString());
      assertEquals(
          (DOCUMENTS - 10_000)
              + " more documents beyond the limit of 10000 per file were not checked"
              + " (--max-documents)",
          f.get("message").asText());
      assertEquals(20_000, f.get("line").asInt(), "the marker that starts document 10,001");
    }
  }
}
