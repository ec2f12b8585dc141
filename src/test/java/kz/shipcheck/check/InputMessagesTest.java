package kz.shipcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kz.shipcheck.engine.Messages;
import kz.shipcheck.engine.Text;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.input.Source;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;

/**
 * The reader's problems are data (a key and arguments) rendered by {@link Text}; the English
 * template must say exactly what the reader's English says, which reports and golden files have
 * always shown. Read over every YAML file of the tests and a set of documents made to reach each
 * kind of problem.
 */
class InputMessagesTest {
  private static final String VALID =
      """
      id: KZ-1
      shipDate: 2025-09-15
      """;

  /** Documents that reach problems the test files do not. */
  private static final List<String> MADE =
      List.of(
          "",
          "---\n",
          "a: [1, 2\n",
          "a:\n\tb: 1\n",
          "a: 1\n# note\u2028b: 2\n",
          "a: 1\r b: 2\n",
          "a: 1\nb: \u0007\n",
          "!!str a: 1\n",
          "a: !!str 1\n",
          "a: &x 1\nb: *x\n",
          "*x : 1\n",
          "? [a]\n: 1\n",
          "a: 1\na: 2\n",
          "- 1\n- 2\n",
          "id: \"KZ\u200B1\"\n",
          "id: \"KZ-\u0421N-1\"\n",
          "id: KZ-1\nshipDate: 2025-02-30\nitems:\n  - weightKg: \"12\"\n    index: 99999999999\n",
          "id: KZ-1\nshipDate: 1\nitems: {}\nexporter: [1]\n",
          "id: KZ-1\nitems:\n  - weightKg: 0x1F\n  - weightKg: 1e999999\n  - weightKg: .nan\n",
          "id: ''\nshipDate:\nprodcut: wheat\nitems: []\n",
          "a: 1\n---\nb: 2\n---\nc: 3\n",
          "a: 1\n...\nb\n",
          "items: 0x1F\n",
          "a: 1\n---\n# only a comment\n---\nb: 2\n",
          "k: 1\n".repeat(1).replace("k", "unknown0")
              + java.util.stream.IntStream.range(1, 120)
                  .mapToObj(i -> "unknown" + i + ": 1\n")
                  .reduce("", String::concat),
          "x".repeat(200) + ": 1\n");

  private static final Text ENGLISH = english();

  private static Text english() {
    try {
      return Messages.load(PackFiles.fromDirectory(Path.of("rules"))).in("en");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<InputProblem> problems() throws IOException {
    List<InputProblem> out = new ArrayList<>();
    DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      add(out, reader.readBytes(f.toString(), Files.readAllBytes(f)));
    }
    for (String text : MADE) {
      add(out, reader.readBytes("made.yaml", text.getBytes(StandardCharsets.UTF_8)));
      add(out, reader.readBytes("made.yaml", (VALID + text).getBytes(StandardCharsets.UTF_8)));
    }
    // small limits: documents, depth, values, value length, line length
    DeclarationReader tight =
        new DeclarationReader(new InputLimits(1024 * 1024, 2, 4, 64, 16, 80), null);
    for (String text :
        List.of(
            "a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n",
            "a: {b: {c: {d: {e: {f: 1}}}}}\n",
            "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]\n",
            "a: " + "y".repeat(70) + "\n",
            "a: " + "y".repeat(70) + " b\n" + "c".repeat(90) + "\n")) {
      add(out, tight.readBytes("tight.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }
    // files: too large (on disk and as a stream), missing, a folder
    DeclarationReader small =
        new DeclarationReader(new InputLimits(1024 * 1024, 10, 16, 1024), null);
    Path dir = Files.createTempDirectory("input-messages");
    Path big = Files.write(dir.resolve("big.yaml"), new byte[2 * 1024 * 1024]);
    add(out, collect(small.documents(Source.file("big.yaml", big), null)));
    add(
        out,
        collect(
            small.documents(
                Source.stdin(), new java.io.ByteArrayInputStream(new byte[2 * 1024 * 1024]))));
    add(
        out,
        collect(
            new DeclarationReader(new InputLimits(1000, 10, 16, 64), null)
                .documents(Source.stdin(), new java.io.ByteArrayInputStream(new byte[2000]))));
    add(out, collect(reader.documents(Source.file("gone.yaml", dir.resolve("gone.yaml")), null)));
    add(out, collect(reader.documents(Source.file("dir.yaml", dir), null)));
    add(out, collect(reader.documents(Source.broken("odd.yaml", dir, "not a regular file"), null)));
    add(out, reader.readBytes("nul.yaml", new byte[] {'a', ':', ' ', 0, '\n'}));
    add(out, reader.readBytes("latin1.yaml", new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'}));
    add(out, reader.readBytes("utf16.yaml", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}));
    return out;
  }

  private static List<ReadDocument> collect(Iterable<ReadDocument> docs) {
    List<ReadDocument> out = new ArrayList<>();
    docs.forEach(out::add);
    return out;
  }

  private static void add(List<InputProblem> out, List<ReadDocument> docs) {
    docs.forEach(d -> out.addAll(d.problems()));
  }

  @Test
  void everyProblemIsAKeyWhoseEnglishIsTheReadersEnglish() throws IOException {
    Set<String> keys = new TreeSet<>();
    List<String> differ = new ArrayList<>();
    for (InputProblem p : problems()) {
      assertTrue(p.hasKey(), "a problem without a key: " + p.rule() + " " + p.getMessage());
      assertTrue(ENGLISH.has(p.messageKey()), "messages_en.properties lacks " + p.messageKey());
      String rendered = InputMessages.render(ENGLISH, p);
      p.messageArgs()
          .values()
          .forEach(
              v -> {
                if (v instanceof InputProblem.Word w) {
                  keys.add(w.key());
                }
              });
      if (!rendered.equals(p.getMessage())) {
        differ.add(
            p.messageKey() + "\n  template: " + rendered + "\n  reader:   " + p.getMessage());
      }
      keys.add(p.messageKey());
    }
    assertEquals(List.of(), differ);
    // the inputs reach these; a key that stops being reached means the inputs above went stale
    // (not reached here: parser refusals without a mark, content after a document's end, an
    // unsupported token, a malformed mapping, an empty document, permission denied: rare paths
    // whose English the same template shape covers)
    Set<String> reached =
        Set.of(
            "INPUT-ALIAS.message",
            "INPUT-ALIAS.message.key",
            "INPUT-BINARY.message",
            "INPUT-DUPLICATE-KEY.message",
            "INPUT-EMPTY.message.file",
            "INPUT-ENCODING.message",
            "INPUT-ENCODING.message.wide",
            "INPUT-LIMIT.message.depth",
            "INPUT-LIMIT.message.documents",
            "INPUT-LIMIT.message.fileSize",
            "INPUT-LIMIT.message.input",
            "INPUT-LIMIT.message.line",
            "INPUT-LIMIT.message.problems",
            "INPUT-LIMIT.message.scalar",
            "INPUT-LIMIT.message.values",
            "INPUT-REQUIRED.message",
            "INPUT-REQUIRED.message.blank",
            "INPUT-REQUIRED.message.empty",
            "INPUT-REQUIRED.message.minItems",
            "INPUT-SYNTAX.message.control",
            "INPUT-SYNTAX.message.key",
            "INPUT-SYNTAX.message.lineBreak",
            "INPUT-SYNTAX.message.marked",
            "INPUT-SYNTAX.message.tab",
            "INPUT-TAG.message",
            "INPUT-TAG.message.key",
            "INPUT-TYPE.message",
            "INPUT-TYPE.message.date",
            "INPUT-TYPE.message.idChar",
            "INPUT-TYPE.message.idScripts",
            "INPUT-TYPE.message.indexTooLarge",
            "INPUT-TYPE.message.notPlain",
            "INPUT-TYPE.message.oddNumber",
            "INPUT-TYPE.message.quotedNumber",
            "INPUT-TYPE.message.range",
            "INPUT-TYPE.message.root",
            "INPUT-TYPE.message.scalar",
            "INPUT-UNKNOWN-KEY.message",
            "INPUT-UNREADABLE.message",
            "INPUT-UNREADABLE.message.missing",
            "INPUT-UNREADABLE.message.source");
    Set<String> notReached = new TreeSet<>(reached);
    notReached.removeAll(keys);
    assertEquals(Set.of(), notReached);
  }
}
