package kz.shipcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input appears in the report. A generated folder mixes good files, multi-document files,
 * files with a byte-order mark or CRLF line ends (read normally) and everything that cannot be
 * read: an empty file, a comments-only file, binary content, non-UTF-8 bytes, an unreadable file
 * and folder (permissions; root reads them anyway, so then they count as readable), a socket and a
 * named pipe, a broken symbolic link, a link to itself and a folder link looping back. The number
 * of results must equal the number of documents and files, each unreadable one an {@code invalid}
 * result with its reason.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NothingLostTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static String declaration(String id) {
    return """
        id: %s
        shipDate: 2025-09-15
        exporter:
          name: Kostanay Grain Terminal LLP
          bin: "150340518508"
        consignee: {name: Urumqi Grain Import Co., country: CN}
        transport: {mode: rail, borderCrossing: dostyk-alashankou}
        items:
          - product: wheat
            hsCode: "1001.99"
            form: grain
            originRegion: kostanay
            establishment: KZ-EST-0101
        """
        .formatted(id);
  }

  @TempDir Path tmp;

  /** What a file should yield: how many results and, for unreadable ones, the rule and a reason. */
  record Expect(int results, String rule, String reason) {}

  @Test
  void everyDocumentAndEveryFileIsReported() throws Exception {
    Path root = tmp.resolve("batch");
    Map<String, Expect> expected = new LinkedHashMap<>();
    boolean root0 = "root".equals(System.getProperty("user.name"));

    write(root.resolve("good/one.yaml"), declaration("NL-1"));
    expected.put("good/one.yaml", new Expect(1, null, null));
    write(
        root.resolve("good/multi.yaml"),
        declaration("NL-2") + "---\n" + declaration("NL-3") + "---\n" + declaration("NL-4"));
    expected.put("good/multi.yaml", new Expect(3, null, null));
    write(
        root.resolve("good/half-broken.yaml"),
        declaration("NL-5") + "---\nid: [unclosed\n---\n" + declaration("NL-6"));
    expected.put("good/half-broken.yaml", new Expect(3, "INPUT-SYNTAX", null));
    Files.write(
        root.resolve("good/bom.yaml"),
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            declaration("NL-7").getBytes(StandardCharsets.UTF_8)));
    expected.put("good/bom.yaml", new Expect(1, null, null));
    write(root.resolve("ymls/crlf.yml"), declaration("NL-8").replace("\n", "\r\n"));
    expected.put("ymls/crlf.yml", new Expect(1, null, null));
    write(root.resolve("ymls/notes.txt"), "not a declaration file: ignored\n");

    write(root.resolve("bad/empty.yaml"), "");
    expected.put("bad/empty.yaml", new Expect(1, "INPUT-EMPTY", "no declaration"));
    write(root.resolve("bad/comments.yaml"), "# nothing here yet\n---\n# still nothing\n");
    expected.put("bad/comments.yaml", new Expect(1, "INPUT-EMPTY", "no declaration"));
    Files.write(
        root.resolve("bad/binary.yaml"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0, 'x', 'y'});
    expected.put("bad/binary.yaml", new Expect(1, "INPUT-BINARY", "binary"));
    Files.write(
        root.resolve("bad/latin1.yaml"),
        declaration("NL-9")
            .replace("Kostanay Grain", "K\u00f6stanay Grain")
            .getBytes(StandardCharsets.ISO_8859_1));
    expected.put("bad/latin1.yaml", new Expect(1, "INPUT-ENCODING", "not UTF-8"));

    Path locked = write(root.resolve("bad/locked.yaml"), declaration("NL-10"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    boolean lockedReadable = Files.isReadable(locked); // root reads it anyway
    expected.put(
        "bad/locked.yaml",
        lockedReadable
            ? new Expect(1, null, null)
            : new Expect(1, "INPUT-UNREADABLE", "permission denied"));

    Path lockedDir = root.resolve("bad/locked-folder");
    write(lockedDir.resolve("inside.yaml"), declaration("NL-11"));
    Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));
    boolean lockedDirReadable = Files.isReadable(lockedDir);
    if (lockedDirReadable) {
      expected.put("bad/locked-folder/inside.yaml", new Expect(1, null, null));
    } else {
      expected.put("bad/locked-folder", new Expect(1, "INPUT-UNREADABLE", "permission denied"));
    }

    Path fifo = root.resolve("bad/pipe.yaml");
    boolean madeFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    if (madeFifo) {
      expected.put("bad/pipe.yaml", new Expect(1, "INPUT-UNREADABLE", "not a regular file"));
    }

    Files.createSymbolicLink(root.resolve("links-broken.yaml"), root.resolve("nowhere.yaml"));
    expected.put("links-broken.yaml", new Expect(1, "INPUT-UNREADABLE", "broken symbolic link"));
    Files.createSymbolicLink(root.resolve("links-self.yaml"), root.resolve("links-self.yaml"));
    expected.put("links-self.yaml", new Expect(1, "INPUT-UNREADABLE", "link loop"));
    Files.createDirectories(root.resolve("links"));
    Files.createSymbolicLink(root.resolve("links/back"), root);
    expected.put("links/back", new Expect(1, "INPUT-UNREADABLE", "symbolic link loop"));

    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(root.resolve("bad/socket.yaml")));
      expected.put("bad/socket.yaml", new Expect(1, "INPUT-UNREADABLE", "not a regular file"));

      Cli.Run run =
          Cli.runWithStdin(
              declaration("NL-STDIN-1") + "---\n" + declaration("NL-STDIN-2"),
              "check",
              root.toString(),
              "-",
              "--format",
              "jsonl",
              "--jobs",
              "2",
              "--quiet");
      assertEquals(1, run.code(), run.err());

      List<JsonNode> results = new ArrayList<>();
      for (String line : run.out().split("\n")) {
        results.add(JSON.readTree(line));
      }
      int want = 2; // the two documents on stdin
      for (Expect e : expected.values()) {
        want += e.results();
      }
      assertEquals(want, results.size(), run.out());

      Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
      for (JsonNode r : results) {
        String file = r.get("file").asText();
        String rel = file.equals("-") ? "-" : root.relativize(Path.of(file)).toString();
        byFile.computeIfAbsent(rel, k -> new ArrayList<>()).add(r);
      }
      assertEquals(2, byFile.get("-").size());
      for (Map.Entry<String, Expect> e : expected.entrySet()) {
        List<JsonNode> got = byFile.get(e.getKey());
        assertTrue(got != null, e.getKey() + " is missing from " + byFile.keySet());
        assertEquals(e.getValue().results(), got.size(), e.getKey());
        Expect x = e.getValue();
        if (x.rule() == null) {
          for (JsonNode r : got) {
            assertFalse(
                r.get("outcome").asText().equals("invalid"), e.getKey() + " must be read: " + r);
          }
        } else {
          JsonNode bad =
              got.stream()
                  .filter(r -> r.get("outcome").asText().equals("invalid"))
                  .findFirst()
                  .orElseThrow();
          JsonNode finding = bad.get("findings").get(0);
          assertEquals(x.rule(), finding.get("rule").asText(), e.getKey());
          if (x.reason() != null) {
            assertTrue(
                finding.get("message").asText().contains(x.reason()), e.getKey() + ": " + finding);
          }
        }
      }
      // documents of one file come in order
      assertEquals(
          List.of(1, 2, 3),
          byFile.get("good/multi.yaml").stream().map(r -> r.get("document").asInt()).toList());
    } finally {
      Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("rwx------"));
    }
    assertTrue(root0 || !lockedReadable, "as a normal user a mode-000 file is unreadable");
  }

  /**
   * A file name is bytes; Java decodes it with the locale's charset, and bytes that do not decode
   * gave a String naming no file: {@code bad\xff.yaml} (and a folder {@code odd\xfe}) was missing
   * from every report and the run passed. Each is read and named by its bytes.
   */
  @Test
  void aFileWhoseNameIsNotUtf8IsReadAndNamedByItsBytes() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("names"));
    Path content =
        write(
            tmp.resolve("content.yaml"),
            declaration("NL-FF").replace("product: wheat", "product: wheet"));
    Path good = write(tmp.resolve("good.yaml"), declaration("NL-OK"));
    // Java cannot create these names itself (it would encode U+FFFD): the shell gives the bytes
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "cp \"$1\" \"$(printf 'bad\\377.yaml')\"; mkdir \"$(printf 'odd\\376')\";"
                    + " cp \"$2\" \"$(printf 'odd\\376')/one.yaml\"; cp \"$2\" \"$(printf '\\320\\264\\320\\265\\320\\272.yaml')\"",
                "sh",
                content.toString(),
                good.toString())
            .directory(root.toFile())
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor());

    Cli.Run run = Cli.run("check", root.toString(), "--format", "jsonl", "--quiet");
    assertEquals(1, run.code(), run.out() + run.err());
    Map<String, JsonNode> byFile = new LinkedHashMap<>();
    for (String line : run.out().split("\n")) {
      JsonNode r = JSON.readTree(line);
      byFile.put(r.get("file").asText().substring(root.toString().length() + 1), r);
    }
    assertEquals(
        List.of("bad\\xff.yaml", "odd\\xfe/one.yaml", "\u0434\u0435\u043a.yaml"),
        List.copyOf(byFile.keySet()),
        run.out());
    assertEquals(
        "ACCESS-001",
        byFile.get("bad\\xff.yaml").get("findings").get(0).get("rule").asText(),
        run.out());
    for (String read : List.of("odd\\xfe/one.yaml", "\u0434\u0435\u043a.yaml")) {
      assertEquals("NL-OK", byFile.get(read).get("id").asText(), run.out());
      assertFalse(byFile.get(read).get("outcome").asText().equals("invalid"), run.out());
    }
  }

  /**
   * An argument whose bytes did not decode, when its bytes cannot be found again (here: not on this
   * process's command line), is an unreadable input with a hint, not a missing path (exit 2) that
   * stops the whole batch, and not a crash.
   */
  @Test
  void anArgumentWhoseBytesAreLostIsUnreadable() throws Exception {
    Path good = write(tmp.resolve("good.yaml"), declaration("NL-OK"));
    Cli.Run run =
        Cli.run(
            "check",
            tmp.resolve("bad\uFFFD.yaml").toString(),
            good.toString(),
            "--format",
            "jsonl",
            "--quiet");
    assertEquals(1, run.code(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(2, lines.size(), run.out());
    JsonNode bad = JSON.readTree(lines.get(0));
    assertEquals(tmp.resolve("bad\uFFFD.yaml").toString(), bad.get("file").asText());
    assertEquals(
        "INPUT-UNREADABLE", bad.get("findings").get(0).get("rule").asText(), bad.toString());
    assertTrue(
        bad.get("findings").get(0).get("message").asText().contains("rename the file"),
        bad.toString());
    assertEquals("NL-OK", JSON.readTree(lines.get(1)).get("id").asText());
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
