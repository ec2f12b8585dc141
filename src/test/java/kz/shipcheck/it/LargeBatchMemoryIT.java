package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import kz.shipcheck.bench.DeclarationGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the batch. The packaged jar checks 20,000 generated declarations in a
 * JVM limited to a 32 MB heap while writing every report format at once; the live heap after each
 * full collection (from the GC log) must stay flat: its median over the last third of the run at
 * most 2 MB above the first third's. Holding results (as the json report once did) or a HashSet of
 * ids grows with the batch and fails here. The 1,000,000-declaration run within -Xmx512m is in
 * src/bench/bench.sh.
 */
class LargeBatchMemoryIT {
  static final Path JAR =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();
  static final int COUNT = 20_000;
  static final Pattern FULL_GC = Pattern.compile("Pause Full .*?(\\d+)M->(\\d+)M");

  @TempDir Path tmp;

  static int median(List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void aLongBatchRunsInASmallFlatHeap() throws Exception {
    Path input = tmp.resolve("declarations");
    new DeclarationGenerator(Path.of("rules"), 11).write(COUNT, input);
    Path out = Files.createDirectory(tmp.resolve("reports"));
    Path gcLog = tmp.resolve("gc.log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + gcLog,
                "-jar",
                JAR.toString(),
                "check",
                input.toString(),
                "--quiet",
                "--jobs",
                "2",
                "--format",
                "jsonl",
                "--output",
                out.resolve("r.jsonl").toString()));
    for (String f : List.of("json", "csv", "junit", "sarif", "github", "html", "text")) {
      cmd.add("--report");
      cmd.add(f + "=" + out.resolve("r." + f));
    }
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run did not finish");
    String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
    assertEquals(
        1,
        p.exitValue(),
        "exit 1 (some generated declarations fail), not an out-of-memory error:\n" + log);

    assertEquals(COUNT, Files.readAllLines(out.resolve("r.jsonl")).size());
    assertEquals(
        COUNT,
        new ObjectMapper()
            .readTree(out.resolve("r.json").toFile())
            .at("/summary/declarations")
            .asInt());
    assertEquals(
        COUNT,
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("r.junit").toFile())
            .getElementsByTagName("testcase")
            .getLength());
    assertTrue(Files.readString(out.resolve("r.html")).endsWith("</html>\n"));

    List<Integer> live = new ArrayList<>();
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = FULL_GC.matcher(line);
      if (m.find()) {
        live.add(Integer.parseInt(m.group(2)));
      }
    }
    assertTrue(live.size() >= 6, "too few full collections to judge: " + live);
    int third = live.size() / 3;
    int early = median(live.subList(0, third));
    int late = median(live.subList(live.size() - third, live.size()));
    // holding every result (the old json report) measured 12 -> 18 MB on 30,000 declarations
    assertTrue(
        late <= early + 2,
        "live heap after full GC grew from " + early + " MB to " + late + " MB: " + live);
  }
}
