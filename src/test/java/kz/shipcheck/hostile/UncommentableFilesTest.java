package kz.shipcheck.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad files that cannot carry an {@code # expect:} comment (empty, binary, other encodings): each
 * is one invalid result with a reason and a place, and a batch holding all of them still checks the
 * good file beside them.
 */
class UncommentableFilesTest {
  static final String GOOD = "src/test/resources/cli/pork-pass.yaml";
  static final String DECLARATION =
      "id: KZ-1\nshipDate: 2025-11-12\nexporter: {name: Ertis Pork LLP, bin: \"190640005554\"}\nitems: [{product: pork}]\n";

  @TempDir Path tmp;

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** name, content, expected rule, line, column, text the message contains. */
  static Stream<Arguments> files() {
    byte[] bom = bytes(0xEF, 0xBB, 0xBF);
    return Stream.of(
        Arguments.of("empty", new byte[0], "INPUT-EMPTY", 1, 1, "holds no declaration"),
        Arguments.of(
            "blank",
            "  \n\n\t\n   ".getBytes(StandardCharsets.UTF_8),
            "INPUT-EMPTY",
            1,
            1,
            "holds no declaration"),
        Arguments.of("bom-only", bom, "INPUT-EMPTY", 1, 1, "holds no declaration"),
        Arguments.of(
            "bom-crlf-blank",
            concat(bom, "\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
            "INPUT-EMPTY",
            1,
            1,
            "holds no declaration"),
        Arguments.of(
            "markers-only",
            "---\n---\n...\n".getBytes(StandardCharsets.UTF_8),
            "INPUT-EMPTY",
            1,
            1,
            "holds no declaration"),
        Arguments.of(
            "directive-only",
            "%YAML 1.2\n---\n".getBytes(StandardCharsets.UTF_8),
            "INPUT-EMPTY",
            1,
            1,
            "holds no declaration"),
        Arguments.of(
            "utf16le-bom",
            concat(bytes(0xFF, 0xFE), DECLARATION.getBytes(StandardCharsets.UTF_16LE)),
            "INPUT-ENCODING",
            1,
            1,
            "UTF-16LE"),
        Arguments.of(
            "utf16be-bom",
            concat(bytes(0xFE, 0xFF), DECLARATION.getBytes(StandardCharsets.UTF_16BE)),
            "INPUT-ENCODING",
            1,
            1,
            "UTF-16BE"),
        Arguments.of(
            "utf32le-bom",
            concat(bytes(0xFF, 0xFE, 0, 0), DECLARATION.getBytes(Charset.forName("UTF-32LE"))),
            "INPUT-ENCODING",
            1,
            1,
            "UTF-32LE"),
        Arguments.of(
            "utf16le-no-bom",
            DECLARATION.getBytes(StandardCharsets.UTF_16LE),
            "INPUT-BINARY",
            1,
            2,
            "NUL byte at offset 1"),
        Arguments.of(
            "png",
            bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'),
            "INPUT-BINARY",
            3,
            1,
            "NUL byte at offset 8"),
        Arguments.of("gzip", gzip(DECLARATION), "INPUT-BINARY", 1, 4, "NUL byte at offset 3"),
        Arguments.of("all-nul", new byte[4096], "INPUT-BINARY", 1, 1, "NUL byte at offset 0"),
        Arguments.of(
            "windows-1251",
            "id: KZ-1\nexporter: {name: ТОО Ертис}\n".getBytes(Charset.forName("windows-1251")),
            "INPUT-ENCODING",
            2,
            18,
            "byte 0xD2 at offset 26"),
        Arguments.of(
            "overlong",
            concat("id: ".getBytes(StandardCharsets.UTF_8), bytes(0xC0, 0xAF)),
            "INPUT-ENCODING",
            1,
            5,
            "byte 0xC0"),
        Arguments.of(
            "encoded-surrogate",
            concat("id: ".getBytes(StandardCharsets.UTF_8), bytes(0xED, 0xA0, 0x80)),
            "INPUT-ENCODING",
            1,
            5,
            "byte 0xED"),
        Arguments.of(
            "truncated",
            concat("id: x\nshipDate: ".getBytes(StandardCharsets.UTF_8), bytes(0xE2, 0x82)),
            "INPUT-ENCODING",
            2,
            11,
            "byte 0xE2"),
        Arguments.of(
            "lone-continuation",
            concat("id: ".getBytes(StandardCharsets.UTF_8), bytes(0x80)),
            "INPUT-ENCODING",
            1,
            5,
            "byte 0x80"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void isOneInvalidResultWithAReasonAndAPlace(
      String name, byte[] content, String rule, int line, int column, String text) {
    List<ReadDocument> docs =
        new DeclarationReader(InputLimits.defaults(), null).readBytes(name + ".yaml", content);
    assertEquals(1, docs.size(), docs.toString());
    assertFalse(docs.get(0).isValid());
    List<InputProblem> problems = docs.get(0).problems();
    assertEquals(1, problems.size(), problems.toString());
    InputProblem p = problems.get(0);
    assertEquals(rule, p.rule(), p.getMessage());
    assertEquals(line + ":" + column, p.line() + ":" + p.column(), p.getMessage());
    assertTrue(p.getMessage().contains(text), p.getMessage());
  }

  @Test
  void aBatchOfThemStillChecksTheGoodFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("batch"));
    List<Arguments> all = files().toList();
    for (Arguments a : all) {
      Files.write(dir.resolve(a.get()[0] + ".yaml"), (byte[]) a.get()[1]);
    }
    Files.copy(Path.of(GOOD), dir.resolve("zz-good.yaml"));
    Cli.Run r = Cli.run("check", "--format", "jsonl", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertFalse(r.err().contains("error:"), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(all.size() + 1, lines.size(), r.out());
    for (int i = 0; i < all.size(); i++) {
      assertTrue(lines.get(i).contains("\"outcome\":\"invalid\""), lines.get(i));
    }
    assertTrue(lines.get(all.size()).contains("\"outcome\":\"pass\""), lines.get(all.size()));
  }
}
