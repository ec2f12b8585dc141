package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack that cannot load is refused with exit 3 and one line {@code error: file:line:col: reason}. */
class PackErrorsTest {
  @TempDir Path tmp;
  Path pack;

  @BeforeEach
  void copyPack() throws IOException {
    pack = tmp.resolve("pack");
    Path src = Path.of("rules");
    try (Stream<Path> all = Files.walk(src)) {
      for (Path p : all.toList()) {
        Path to = pack.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  private Cli.Run check() {
    return Cli.run("check", "--rules", pack.toString(), CheckCommandTest.PASS);
  }

  @Test
  void theCopiedPackWorks() {
    assertEquals(0, check().code(), check().out());
  }

  @Test
  void drlThatDoesNotCompile() throws IOException {
    Files.writeString(pack.resolve("broken.drl"), "package x\n\nrule \"r\"\nwhen\n  Item( ==== )\nthen\nend\n");
    Cli.Run r = check();
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("error: " + pack + "/broken.drl:5:"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void ruleWithoutIdOrWithADuplicateId() throws IOException {
    String header = "package x\nimport kz.shipcheck.model.Item\n";
    Files.writeString(pack.resolve("noid.drl"), header + "\nrule \"r\"\n  @severity(\"error\")\nwhen\n  Item()\nthen\nend\n");
    Cli.Run r = check();
    assertEquals(3, r.code());
    assertEquals("error: " + pack + "/noid.drl:4: rule \"r\" has no @id\n", r.err());

    Files.writeString(pack.resolve("noid.drl"), header + "\nrule \"r\"\n  @id(\"HS-001\") @severity(\"error\") @title(\"t\") @reference(\"r\") @basis(\"model\")\nwhen\n  Item()\nthen\nend\n");
    r = check();
    assertEquals(3, r.code());
    assertTrue(r.err().contains("noid.drl:4: duplicate rule id HS-001 (also " + pack + "/access.drl:"), r.err());
  }

  @Test
  void dataRowWithAnUnknownRegion() throws IOException {
    Path f = pack.resolve("data/restrictions.yaml");
    Files.writeString(f, Files.readString(f).replace("regions: [all]", "regions: [atlantis]"));
    Cli.Run r = check();
    assertEquals(3, r.code());
    assertTrue(r.err().matches("error: " + java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: unknown region 'atlantis'\n"), r.err());
  }

  @Test
  void missingDataFile() throws IOException {
    Files.delete(pack.resolve("data/laboratories.yaml"));
    Cli.Run r = check();
    assertEquals(3, r.code());
    assertEquals("error: " + pack + "/data/laboratories.yaml: required file is missing from the rule pack\n", r.err());
  }
}
