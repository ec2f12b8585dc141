package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.RuleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule's @data names files of the pack; the catalogue shows them. */
class RulePackMetadataTest {
  @TempDir Path tmp;

  @Test
  void dataNamingAMissingFileIsRefused() throws Exception {
    Path pack = tmp.resolve("pack");
    try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
      for (Path p : walk.toList()) {
        Path target = pack.resolve(Path.of("rules").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path drl = pack.resolve("values.drl");
    Files.writeString(
        drl,
        Files.readString(drl, StandardCharsets.UTF_8)
            .replace("@data(\"data/rates.yaml\")", "@data(\"data/rate.yaml\")"),
        StandardCharsets.UTF_8);
    PackException e =
        assertThrows(
            PackException.class, () -> RulePack.load(PackFiles.fromDirectory(pack), null, null));
    assertTrue(e.located().contains("values.drl:"), e.located());
    assertTrue(
        e.getMessage().contains("'data/rate.yaml', which is not a file of the pack"),
        e.getMessage());
  }

  @Test
  void theCatalogueListsTheDataEachRuleReads() throws Exception {
    RulePack pack = RulePack.load(PackFiles.fromDirectory(Path.of("rules")), null, null);
    RuleInfo zone = pack.rule("ZONE-001");
    assertEquals(
        List.of("data/restrictions.yaml", "data/products.yaml", "data/regions.yaml"), zone.data());
    assertEquals("zones.drl", zone.file());
  }
}
