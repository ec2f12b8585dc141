package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input limit ends a hostile document as one {@code invalid} result with a reason and a
 * place, without expanding it. Boundedness is asserted as memory the reading thread allocates (a
 * count, not a clock, so it does not depend on the machine's load), far below what expanding or
 * fully materialising the input would take.
 */
class LimitsTest {
  private static final long MB = 1024 * 1024;

  @TempDir Path tmp;

  private final DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Runs the action and fails if it allocated more than {@code maxBytes} on this thread. */
  private static <T> T allocatingAtMost(long maxBytes, Supplier<T> action) {
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    T result = action.get();
    long used = THREADS.getThreadAllocatedBytes(id) - before;
    assertTrue(used < maxBytes, "allocated " + used / MB + " MB, bound " + maxBytes / MB + " MB");
    return result;
  }

  private List<ReadDocument> read(String text) {
    return reader.readBytes("t.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static InputProblem only(List<ReadDocument> docs) {
    assertEquals(1, docs.size(), docs.toString());
    assertEquals(1, docs.get(0).problems().size(), docs.get(0).problems().toString());
    return docs.get(0).problems().get(0);
  }

  private static void assertProblem(
      InputProblem p, String rule, int line, int column, String text) {
    assertEquals(rule, p.rule(), p.getMessage());
    assertEquals(line, p.line(), p.getMessage());
    assertEquals(column, p.column(), p.getMessage());
    assertTrue(p.getMessage().contains(text), p.getMessage());
  }

  @Test
  void billionLaughsIsRefusedAtTheFirstAliasWithoutExpanding() {
    StringBuilder b =
        new StringBuilder(
            "id: lol\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      b.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + prev)))
          .append("]\n");
      prev = c;
    }
    // expanded, the last list would hold 9^10 = 3.4 billion strings
    InputProblem p = allocatingAtMost(8 * MB, () -> only(read(b.toString())));
    assertProblem(p, "INPUT-ALIAS", 3, 8, "alias '*a' is not allowed");
  }

  @Test
  void anAliasUsedAsAKeyIsAnAliasProblemAtTheKey() {
    assertProblem(only(read("id: &k x\n*k : 3\n")), "INPUT-ALIAS", 2, 1, "alias used as a key");
  }

  @Test
  void aHundredThousandDeepFlowListStopsAtTheDepthLimit() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    InputProblem p = allocatingAtMost(64 * MB, () -> only(read(deep)));
    assertProblem(p, "INPUT-LIMIT", 1, 18, "nesting deeper than 16 levels (--max-depth)");
    // unclosed, and as mappings: the same limit, not a parser crash
    assertProblem(only(read("[".repeat(100_000))), "INPUT-LIMIT", 1, 18, "--max-depth");
    assertProblem(only(read("{a: ".repeat(50_000))), "INPUT-LIMIT", 1, 69, "--max-depth");
  }

  @Test
  void deepBlockNestingStopsAtTheDepthLimit() {
    StringBuilder map = new StringBuilder();
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      map.append(" ".repeat(i)).append("k:\n");
      list.append(" ".repeat(2 * i)).append("-\n");
    }
    assertProblem(only(read(map.toString())), "INPUT-LIMIT", 18, 18, "--max-depth");
    assertProblem(only(read(list.toString())), "INPUT-LIMIT", 18, 35, "--max-depth");
  }

  @Test
  void theDepthLimitCanBeRaised() {
    String deep = "id: " + "[".repeat(20) + "]".repeat(20) + "\n";
    assertEquals("INPUT-LIMIT", only(read(deep)).rule());
    DeclarationReader raised = new DeclarationReader(new InputLimits(MB, 10, 24, 1000), null);
    List<ReadDocument> docs = raised.readBytes("t.yaml", deep.getBytes(StandardCharsets.UTF_8));
    // read now, and refused for what it is: a list where the id belongs
    assertEquals("INPUT-TYPE", docs.get(0).problems().get(0).rule());
  }

  @Test
  void hugeScalarsAndKeysStopAtTheValueLimit() {
    String big = "x".repeat(100_000);
    assertProblem(
        only(read("id: " + big + "\n")),
        "INPUT-LIMIT",
        1,
        5,
        "a value of 100000 characters exceeds the limit of 65536");
    assertProblem(
        only(read("id: \"" + big + "\"\n")), "INPUT-LIMIT", 1, 5, "exceeds the limit of 65536");
    assertProblem(
        only(read("id: x\n? \"" + "k".repeat(70_000) + "\"\n: 1\n")),
        "INPUT-LIMIT",
        2,
        3,
        "exceeds the limit of 65536");
    // 8 MB over 100,000 short lines: SnakeYAML reads it in linear time, then the value is refused
    String lines = "id: |\n" + ("  " + "x".repeat(78) + "\n").repeat(100_000);
    InputProblem p = allocatingAtMost(512 * MB, () -> only(read(lines)));
    assertProblem(
        p, "INPUT-LIMIT", 1, 5, "a value of 7900000 characters exceeds the limit of 65536");
  }

  @Test
  void aVeryLongLineStopsAtTheLineLimitBeforeTheParserScansIt() {
    // SnakeYAML's time grows with the square of a line's length: 8 MB on one line took 17 s
    String line = "id: " + "x".repeat(8 * 1024 * 1024) + "\n";
    InputProblem p = allocatingAtMost(160 * MB, () -> only(read("# a comment\n" + line)));
    assertProblem(
        p,
        "INPUT-LIMIT",
        2,
        1,
        "a line of 8388612 characters exceeds the limit of 262144 (--max-line-chars)");
    // a long line in the second document: the first is still read
    List<ReadDocument> docs = read("id: A\n---\nid: B\n" + line);
    assertEquals(2, docs.size());
    assertEquals("INPUT-REQUIRED", docs.get(0).problems().get(0).rule());
    assertProblem(docs.get(1).problems().get(0), "INPUT-LIMIT", 4, 1, "--max-line-chars");
  }

  @Test
  void manyValuesOnOneLineStopAtTheValueCountLimit() {
    // 60 KB on one line: a flow list of twenty thousand numbers
    String line = "id: [" + "1,".repeat(20_000) + "1]\n";
    InputProblem p = only(read(line));
    // the root, the list, then items: the 10,001st value is item 9,998
    assertProblem(
        p,
        "INPUT-LIMIT",
        1,
        6 + 2 * 9_998,
        "more than 10000 values in one document (--max-values)");
  }

  @Test
  void manyKeysStopAtTheValueCountLimit() {
    StringBuilder b = new StringBuilder("id: KZ-1\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("k").append(i).append(": 1\n");
    }
    InputProblem p = only(read(b.toString()));
    assertProblem(p, "INPUT-LIMIT", 10_000, 8, "--max-values");
    DeclarationReader raised =
        new DeclarationReader(new InputLimits(16 * MB, 10, 16, 1000, 100_000, 1000), null);
    List<ReadDocument> docs =
        raised.readBytes("t.yaml", b.toString().getBytes(StandardCharsets.UTF_8));
    // read now; 20,000 unknown keys and 3 missing fields: the first 100 and a count of the rest
    List<InputProblem> problems = docs.get(0).problems();
    assertEquals(SchemaValidator.MAX_PROBLEMS + 1, problems.size());
    assertEquals("INPUT-UNKNOWN-KEY", problems.get(0).rule());
    assertProblem(
        problems.get(SchemaValidator.MAX_PROBLEMS),
        "INPUT-LIMIT",
        101,
        1,
        "19903 more problems in this document are not listed (only the first 100 are)");
  }

  @Test
  void aFileOverTheSizeLimitIsNotRead() throws IOException {
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(50 * MB); // sparse: costs no disk
    }
    InputProblem p =
        allocatingAtMost(
            4 * MB,
            () -> only(reader.read(Source.file("big.yaml", big), InputStream.nullInputStream())));
    assertProblem(
        p, "INPUT-LIMIT", 1, 1, "the file is 50.0 MB, over the limit of 16 MB (--max-file-mb)");
  }

  @Test
  void standardInputOverTheSizeLimitIsReadOnlyUpToTheLimit() {
    DeclarationReader small = new DeclarationReader(new InputLimits(MB, 10, 16, 1000), null);
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    InputProblem p = only(small.read(Source.stdin(), endless));
    assertProblem(
        p, "INPUT-LIMIT", 1, 1, "the input is larger than the limit of 1 MB (--max-file-mb)");
  }

  @Test
  void aFileWithoutASizeIsReadOnlyUpToTheLimit() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    DeclarationReader small = new DeclarationReader(new InputLimits(MB, 10, 16, 1000), null);
    InputProblem p =
        only(small.read(Source.file("/dev/zero", zero), InputStream.nullInputStream()));
    assertProblem(p, "INPUT-LIMIT", 1, 1, "larger than the limit of 1 MB");
  }

  @Test
  void documentsBeyondTheLimitEndAsOneResultNamingIt() {
    DeclarationReader r = new DeclarationReader(new InputLimits(MB, 3, 16, 1000), null);
    String text = "id: A\n---\n".repeat(1000);
    List<ReadDocument> docs = r.readBytes("m.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(4, docs.size());
    InputProblem p = docs.get(3).problems().get(0);
    // the fourth document starts at its --- marker, on line 6
    assertProblem(
        p,
        "INPUT-LIMIT",
        6,
        1,
        "997 more documents beyond the limit of 3 per file were not checked (--max-documents)");
    assertEquals(4, docs.get(3).document());
  }

  @Test
  void theStandardInputSizeLimitIsTheFileLimit() {
    DeclarationReader small = new DeclarationReader(new InputLimits(1000, 10, 16, 1000), null);
    byte[] text = ("id: " + "x".repeat(2000)).getBytes(StandardCharsets.UTF_8);
    InputProblem p = only(small.read(Source.stdin(), new ByteArrayInputStream(text)));
    assertProblem(p, "INPUT-LIMIT", 1, 1, "larger than the limit of 1000 bytes");
  }
}
