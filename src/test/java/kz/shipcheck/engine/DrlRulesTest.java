package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.shipcheck.pack.PackFiles;
import org.junit.jupiter.api.Test;

/** The rules a DRL declares, read from its text: what a cache entry is checked against. */
class DrlRulesTest {
  private static List<String> of(String drl) {
    return DrlRules.of(Map.of("a.drl", drl.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBundledPacksRulesAreTheCompiledOnes() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    RulePack pack = RulePack.load(files, null, null, null, "test");
    assertEquals(
        CacheEntry.rulesOf(pack.kieBase().getKiePackages()), DrlRules.of(files.drlSources()));
  }

  @Test
  void commentsStringsFunctionsAndBlocksHideNoRuleAndMakeNone() {
    String drl =
        """
        package a.b.c;
        import x.Y
        // rule "in a line comment"
        /* rule "in a block comment"
           end */
        function String rule(String end) { if (true) { return "rule \\"x\\" end"; } return end; }
        declare T
          rule : String
        end
        query "q" rule : T() end
        rule "one" @id("A-001") salience 10
        when
          eval(true)
        then
          String s = "end rule \\"two\\"";
          char c = '"';
        end
        rule two
          @id( 'B-002' )
        then
        end
        """;
    assertEquals(
        List.of(
            DrlRules.signature("a.b.c", "one", "A-001"),
            DrlRules.signature("a.b.c", "two", "B-002")),
        of(drl));
  }

  @Test
  void aRuleWithoutAnIdHasNone() {
    assertEquals(
        List.of(DrlRules.signature("p", "r", null)),
        of("package p\nrule \"r\"\nwhen\nthen\nend\n"));
  }
}
