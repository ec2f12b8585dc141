package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/**
 * A file's documents are cut from its text one at a time, as the reader reaches them: a file of a
 * million tiny documents never holds more than one, and nothing beyond {@code --max-documents} is
 * cut out or parsed. Measured in lines looked at and documents handed on, never in time or heap.
 */
class DocumentStreamTest {
  private static final int MILLION = 1_000_000;
  private static final String TINY = "a\n---\n".repeat(MILLION);

  @Test
  void theSplitterCutsOnlyTheDocumentAskedFor() {
    YamlReader.Splitter s = new YamlReader.Splitter(TINY);
    assertTrue(s.hasNext());
    YamlReader.Segment first = s.next();
    assertEquals("a\n", first.text());
    assertEquals(0, first.lineOffset());
    // the first document and the marker that ends it: not the million after them
    assertTrue(s.linesRead() <= 2, "lines read: " + s.linesRead());
    YamlReader.Segment second = s.next();
    assertEquals("   \na\n", second.text());
    assertEquals(1, second.lineOffset());
    assertTrue(s.linesRead() <= 4, "lines read: " + s.linesRead());
    assertEquals(MILLION - 2, s.countRemaining());
    assertFalse(s.hasNext());
  }

  @Test
  void theSplitterCutsAsSplitDoes() {
    String text =
        "%YAML 1.2\n--- # one\nid: A\n...\n%TAG ! x\n---\n# only a comment\n---\nid: B\n\n...\n\n";
    List<YamlReader.Segment> all = YamlReader.split(text);
    assertEquals(
        List.of(
            new YamlReader.Segment("    # one\nid: A\n", 1),
            new YamlReader.Segment("   \nid: B\n\n", 7)),
        all);
    YamlReader.Splitter s = new YamlReader.Splitter(text);
    assertEquals(all.get(0), s.next());
    assertEquals(1, s.countRemaining());
  }

  @Test
  void theReaderStopsAtTheDocumentLimitAndCountsTheRestWithoutReadingThem() {
    DeclarationReader r = new DeclarationReader(new InputLimits(16L << 20, 3, 16, 1000), null);
    Iterator<ReadDocument> docs =
        r.documents("tiny.yaml", TINY.getBytes(StandardCharsets.UTF_8)).iterator();
    int handed = 0;
    ReadDocument last = null;
    while (docs.hasNext()) {
      last = docs.next();
      handed++;
    }
    assertEquals(4, handed, "three documents and one for the rest");
    InputProblem p = last.problems().get(0);
    assertEquals("INPUT-LIMIT", p.rule());
    assertEquals(
        MILLION
            - 3
            + " more documents beyond the limit of 3 per file were not checked (--max-documents)",
        p.getMessage());
    assertEquals(6, p.line()); // the marker that starts the first document not checked
  }

  @Test
  void eachIterationStartsAgainFromTheFirstDocument() {
    DeclarationReader r = new DeclarationReader(InputLimits.defaults(), null);
    Iterable<ReadDocument> docs =
        r.documents("two.yaml", "id: A\n---\nid: B\n".getBytes(StandardCharsets.UTF_8));
    for (int round = 0; round < 2; round++) {
      Iterator<ReadDocument> it = docs.iterator();
      assertEquals(1, it.next().document());
      assertEquals("B", it.next().id());
      assertFalse(it.hasNext());
    }
  }
}
