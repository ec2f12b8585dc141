package kz.shipcheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML is data: tags that would make a YAML library build Java objects ({@code !!java.net.URL}, the
 * {@code ScriptEngineManager}/{@code URLClassLoader} gadget that fetches code from a URL) or custom
 * tags are refused as INPUT-TAG. Proof that nothing was built and nothing reached the network: the
 * URLs point at a loopback socket of this test, which must see no connection, and a tripwire class
 * named by a tag must be neither loaded nor constructed.
 */
class YamlIsDataTest {
  private static final String REST =
      """
      shipDate: 2025-09-15
      exporter: {name: Kostanay Grain Terminal LLP, bin: "150340518508"}
      items:
        - {product: wheat, hsCode: "1001.99", form: grain}
      """;

  @TempDir Path tmp;
  private ServerSocketChannel server;
  private String url;

  @BeforeEach
  void listen() throws IOException {
    server = ServerSocketChannel.open();
    // loopback only, ephemeral port: nothing here ever leaves the machine
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.configureBlocking(false);
    url = "http://127.0.0.1:" + server.socket().getLocalPort() + "/";
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  private void assertNoConnection() throws IOException {
    // non-blocking: returns a channel only if someone connected
    assertNull(server.accept(), "a connection reached the loopback server");
  }

  /** Hostile documents by name, each a whole declaration but for its tag. */
  private Map<String, String> documents() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("url", "id: !!java.net.URL [\"" + url + "\"]\n" + REST);
    docs.put(
        "script-engine",
        "id: KZ-1\nexporter: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\""
            + url
            + "\"]]]]\n"
            + REST.replace("exporter:", "exporterX:"));
    docs.put("verbatim", "id: !<tag:yaml.org,2002:java.net.URL> \"" + url + "\"\n" + REST);
    docs.put("tripwire", "id: !!kz.shipcheck.security.Tripwire [\"" + url + "\"]\n" + REST);
    docs.put("custom", "id: !custom KZ-1\n" + REST);
    docs.put("custom-on-mapping", "id: KZ-1\n" + REST.replace("exporter: {", "exporter: !party {"));
    docs.put("tag-on-first-key", "!!kz.shipcheck.security.Tripwire id: KZ-1\n" + REST);
    docs.put(
        "tag-on-later-key",
        "id: KZ-1\n!!java.net.URL shipDate: 2025-09-15\n"
            + REST.replace("shipDate: 2025-09-15\n", ""));
    docs.put("python", "id: !!python/object/apply:os.system [\"curl " + url + "\"]\n" + REST);
    docs.put("binary", "id: !!binary aHR0cDovLzEyNy4wLjAuMQ==\n" + REST);
    docs.put("set", "id: KZ-1\n" + REST + "certificates: !!set {? a, ? b}\n");
    return docs;
  }

  @Test
  void tagsAreRefusedAndBuildNothing() throws IOException {
    DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : documents().entrySet()) {
      List<ReadDocument> docs =
          reader.readBytes(e.getKey() + ".yaml", e.getValue().getBytes(StandardCharsets.UTF_8));
      List<String> rules = docs.get(0).problems().stream().map(InputProblem::rule).toList();
      if (docs.size() != 1 || !rules.equals(List.of("INPUT-TAG"))) {
        wrong.add(
            e.getKey()
                + ": "
                + docs.get(0).problems().stream().map(Throwable::getMessage).toList());
      }
    }
    assertEquals(List.of(), wrong);
    assertNoConnection();
    assertFalse(TripwireLog.loaded, "a tag loaded a class");
    assertFalse(TripwireLog.constructed, "a tag constructed an object");
  }

  @Test
  void aBatchOfTaggedDocumentsIsInvalidEndToEnd() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    for (Map.Entry<String, String> e : documents().entrySet()) {
      Files.writeString(dir.resolve(e.getKey() + ".yaml"), e.getValue());
    }
    // a %TAG directive that maps a handle onto Java class names
    Files.writeString(
        dir.resolve("tag-directive.yaml"),
        "%TAG !j! tag:yaml.org,2002:java.net.\n---\nid: !j!URL [\"" + url + "\"]\n" + REST);
    Cli.Run r = Cli.run("check", "--format", "jsonl", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(documents().size() + 1, lines.size(), r.out());
    for (String line : lines) {
      assertTrue(line.contains("\"outcome\":\"invalid\""), line);
      assertTrue(
          line.contains("\"rule\":\"INPUT-TAG\"") || line.contains("undefined tag handle"), line);
    }
    assertNoConnection();
    assertFalse(TripwireLog.loaded);
    assertFalse(TripwireLog.constructed);
  }

  @Test
  void aTaggedRowInAPacksDataIsRefusedToo() throws IOException {
    Path pack = tmp.resolve("pack");
    kz.shipcheck.testing.PackCopy.of(pack, true);
    Path crossings = pack.resolve("data/crossings.yaml");
    Files.writeString(
        crossings, "- key: !!java.net.URL [\"" + url + "\"]\n" + Files.readString(crossings));
    Cli.Run r =
        Cli.run("check", "--rules", pack.toString(), "src/test/resources/cli/pork-pass.yaml");
    assertEquals(3, r.code(), r.err());
    assertEquals(
        "error: "
            + crossings
            + ":1:8: YAML tag 'tag:yaml.org,2002:java.net.URL' is not allowed:"
            + " declarations are plain data\n",
        r.err());
    assertNoConnection();
  }
}
